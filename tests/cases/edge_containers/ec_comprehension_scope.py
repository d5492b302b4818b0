x = "global"
l = [x for x in range(3)]
print(x, l)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip("abc", range(3)) if v})
g = (y * 2 for y in range(4))
print(list(g), list(g))
n = 10
g2 = (n + i for i in range(3))
n = 100
print(list(g2))
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
print([w for w in "hello" if w not in "l"], [c.upper() for c in "abc" if c != "b"])
print([x if x % 2 else -x for x in range(5)], [(lambda q: q * 2)(x) for x in range(3)])
print(sum(x * x for x in range(10)), max((len(w), w) for w in ["aa", "b", "ccc"]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
