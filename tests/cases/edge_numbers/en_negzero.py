z = -0.0
print(z, 0.0 == -0.0, repr(-0.0 * 1), -0.0 + 0.0, 0.0 - 0.0, -0.0 - 0.0, abs(-0.0), -(0.0))
print(round(-0.4), round(-0.4, 1), int(-0.9), -0.0 // 1, -1e-300 * 1e-300)
print(str(-0.0), format(-0.0, ".2f"), "%.1f" % -0.0, f"{-0.0:g}", hash(-0.0) == hash(0.0))
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), sorted([0.0, -0.0, 0, -0.0]))
print(divmod(-0.0, 1), divmod(0.0, -1), 0.0 * -1, -0.0 ** 2, (-0.0) ** 2)
print(1 / float("inf"), -1 / float("inf"), round(-0.5), round(-1.5), round(-0.05, 1))
