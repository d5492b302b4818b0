def f(x, y):
    return x + y
def g(a, b=1, *, c):
    return a
def h():
    return 0
tests = [lambda: f(1), lambda: f(), lambda: f(1, 2, 3), lambda: f(1, y=2, z=3), lambda: f(1, x=2),
         lambda: g(), lambda: g(1), lambda: g(1, 2, 3, c=1), lambda: h(1), lambda: h(a=1),
         lambda: f(*[1, 2, 3]), lambda: f(**{"x": 1}), lambda: f(1, **{"x": 2})]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
