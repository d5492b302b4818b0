def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
def g():
    yield 1
x = g()
print(list(x), list(x))
