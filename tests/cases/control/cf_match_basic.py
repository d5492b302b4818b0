def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return "negative"
        case [a, b]:
            return f"pair {a},{b}"
        case [first, *rest]:
            return f"list starting {first} (+{len(rest)})"
        case {"type": t}:
            return f"dict of type {t}"
        case str() as s:
            return "string " + s
        case _:
            return "other"
for v in [0, 2, -5, [1, 2], [1, 2, 3], {"type": "x", "y": 1}, "hey", 3.5, 100]:
    print(describe(v))
