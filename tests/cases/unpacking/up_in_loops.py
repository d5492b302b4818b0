pairs = {"a": 1, "b": 2}
for k, v in pairs.items():
    print(k, v)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
matrix = [[1, 2], [3, 4]]
for [p, q] in matrix:
    print(p * q)
print([a * b for a, b in zip([1, 2], [3, 4])])
