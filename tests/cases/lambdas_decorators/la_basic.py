sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=lambda t: t[1]))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda s: s.startswith("a"), ["apple", "bob", "avocado"])))
f = lambda n: 1 if n <= 1 else n * f(n - 1)
print(f(10))
print((lambda x: (lambda y: x + y))(3)(4))
