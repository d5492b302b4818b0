def risky():
    yield 1
    raise ValueError("inside generator")
g = risky()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted"))
def reraise_stop():
    yield 1
    raise StopIteration("bad")
try:
    list(reraise_stop())
except RuntimeError as e:
    print(type(e).__name__, e)
