UNITS = {
    "length": {"m": 1.0, "km": 1000.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048, "mi": 1609.344},
    "mass": {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "oz": 0.028349523125},
}
def find_kind(unit):
    for kind, table in UNITS.items():
        if unit in table:
            return kind
    raise KeyError(f"unknown unit {unit!r}")
def convert(value, src, dst):
    if src in ("C", "F", "K") or dst in ("C", "F", "K"):
        c = {"C": value, "F": (value - 32) * 5 / 9, "K": value - 273.15}[src]
        return {"C": c, "F": c * 9 / 5 + 32, "K": c + 273.15}[dst]
    k1, k2 = find_kind(src), find_kind(dst)
    if k1 != k2:
        raise ValueError(f"cannot convert {k1} to {k2}")
    return value * UNITS[k1][src] / UNITS[k2][dst]
queries = [(5, "km", "mi"), (12, "in", "cm"), (3, "ft", "m"), (1, "lb", "g"), (16, "oz", "lb"),
           (100, "C", "F"), (32, "F", "C"), (0, "K", "C"), (1, "kg", "m"), (2, "parsec", "m")]
for v, s, d in queries:
    try:
        r = convert(v, s, d)
        print(f"{v} {s} = {r:.4f} {d}")
    except (KeyError, ValueError) as e:
        print(f"{v} {s} -> {d}: {type(e).__name__}: {e}")
