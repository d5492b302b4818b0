a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [5, 6]
print(m, n)
k, = [7]
print(k)
for i, (c, d) in enumerate([(1, 2), (3, 4)]):
    print(i, c, d)
