def g():
    yield "only"
it = g()
print(next(it))
next(it)
