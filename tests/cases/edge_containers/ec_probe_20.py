x = [[1, 2], [3, 4]]
y = [row[:] for row in x]
y[0][0] = 99
print(x, y, [list(r) for r in zip(*x)], list(map(list, zip(*x))), sum(x, []))
