# gen.send / next from Python code
def acc():
    total = 0
    while True:
        got = yield total
        if got is None:
            return total
        total += got

g = acc()
print(g.send(None), g.send(5), g.send(7), next(g, "dflt"))
try:
    g.send(1)
except StopIteration as e:
    print("StopIteration", e.value)

g = acc()
try:
    g.send(1)
except TypeError as e:
    print(e)

g = acc()
snd = g.send
print(snd(None), snd(2), snd(3))
try:
    snd()
except TypeError as e:
    print(e)
try:
    g.send(1, 2)
except TypeError as e:
    print(e)

def outer():
    r = yield from acc()
    yield "outer got " + str(r)
o = outer()
print(next(o), o.send(4), o.send(6))
print(o.send(None))

def boom():
    x = yield 1
    raise ValueError("boom %s" % x)
b = boom()
next(b)
try:
    b.send("v")
except ValueError as e:
    print(e)
try:
    b.send("again")
except StopIteration:
    print("finished")
