s = {10, 5, 3, 100, 1, 7}
print(s)
print(sorted(s), min(s), max(s), sum(s))
s2 = set(range(20, 0, -3))
print(s2)
print({-1, -5, 0}, {2 ** 40, 1})
print(set([3, 3, 3]), {True, 1, 1.0})
