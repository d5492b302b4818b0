r = [x for x in (y * 2 for y in range(5)) if x > 2]
print(r, list(map(lambda t: t[0] * t[1], zip(range(3), range(3, 6)))), [*map(str.upper, "ab")])
