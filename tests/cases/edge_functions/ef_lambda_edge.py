f = lambda *a, **k: (a, sorted(k))
print(f(1, 2, x=3), (lambda: None)(), (lambda x, y=2: x * y)(4), (lambda *, k: k)(k=9))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]), list(map(lambda x: x ** 2, range(4))))
comp = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(comp(inc, dbl)(5), comp(dbl, inc)(5))
print((lambda: (yield))().__class__.__name__ if False else "skip")
print([(lambda n: n and n * 2)(v) for v in [0, 3]], (lambda a, /, b: a + b)(1, b=2))
print(f.__name__, inc.__name__, type(inc).__name__)
