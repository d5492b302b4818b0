n = 3
g = (x * n for x in range(3))
n = 10
print(list(g))
src = [1, 2, 3]
g2 = (x for x in src)
src = [100]
print(list(g2))
g3 = ((x, y) for x in range(2) for y in range(x + 1))
print(list(g3))
