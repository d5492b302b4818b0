def g():
    yield 1
    raise ValueError("inside")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("err", e)
print(next(it, "dead"))
def reent():
    yield next(me)
me = reent()
try:
    next(me)
except ValueError as e:
    print(e)
def fin():
    try:
        yield 1
    finally:
        return "from finally"
f = fin()
next(f)
try:
    next(f)
except StopIteration as e:
    print("value", e.value)
def stop_inside():
    yield 1
    raise StopIteration("x")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError", e)
ge = (x for x in [1, 2])
print(next(ge), list(ge), list(ge))
print(type(ge).__name__, type(g()).__name__)
