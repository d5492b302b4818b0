print((0.5).hex(), float.fromhex("0x1.8p1"), (1.0).hex())
print((3.7).__floor__() if hasattr(3.7, "__floor__") else "nofloor")
print((-3.5).__trunc__(), (3.5).__round__(), (2.5).__round__())
print(float("1_000.5"), float(" -0 "), float("+.5"), float("1e-3"))
print(float("Infinity"), float("-iNF"), float("nan"))
for bad in ["", "abc", "1.2.3", "1e", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
