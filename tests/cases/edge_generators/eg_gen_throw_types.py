def g():
    while True:
        try:
            yield
        except Exception as e:
            print("got", type(e).__name__, e)
it = g()
next(it)
it.throw(ValueError)
it.throw(TypeError("t"))
it.throw(KeyError("k"))
def h():
    yield 1
it2 = h()
try:
    it2.throw(IndexError("before start"))
except IndexError as e:
    print("propagated", e)
print(next(it2, "finished"))
