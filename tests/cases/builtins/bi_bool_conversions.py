print(bool(), bool(0), bool(1), bool(-0.0), bool("0"), bool([]), bool([[]]), bool({}), bool(None))
print(int(True) + int(False), str(True).lower(), True and "yes", False or "no")
print([x for x in [0, 1, "", "x", None, [], [1]] if x])
