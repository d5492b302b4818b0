def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer-done"
g = outer()
print(next(g), g.send("a"), g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def deleg():
    yield from range(3)
    yield from "ab"
    yield from [x * 2 for x in range(2)]
    yield from (i for i in (9, 8))
print(list(deleg()))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "handled in inner"
def wrap():
    yield from thrower()
    yield "after"
w = wrap()
next(w)
print(w.throw(KeyError("k")), next(w))
def tree(n):
    if n == 0:
        yield 0
        return
    yield n
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(3)))
