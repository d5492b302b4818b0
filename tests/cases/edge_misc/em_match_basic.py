def describe(v):
    match v:
        case 0 | 1:
            return "tiny"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case "":
            return "empty str"
        case str(s):
            return f"str {s}"
        case [x]:
            return f"one-list {x}"
        case [x, y, *rest]:
            return f"list {x},{y} rest={rest}"
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": t, **others}:
            return f"typed {t} {sorted(others)}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 1, -5, 7, 2.5, "", "hi", [9], [1, 2, 3, 4], (5, 6), {"type": "point", "x": 1, "y": 2}, {"type": "box", "w": 1, "h": 2}, None, {1, 2}, []]:
    print(repr(v), "->", describe(v))
