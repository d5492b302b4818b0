def g():
    x = yield
    print("got", x)
    y = yield x, 1
    print("got", y)
    z = (yield) or "default"
    print("z", z)
it = g()
print(next(it))
print(it.send("first"))
print(it.send("second"))
try:
    it.send(None)
except StopIteration:
    print("done")
