def gen():
    yield 1
    raise KeyError("gen fail")
try:
    for v in gen():
        print("got", v)
except KeyError as e:
    print("caught", repr(e))
def gen2():
    try:
        yield 1
    except ZeroDivisionError:
        yield "handled"
g = gen2()
next(g)
print(g.throw(ZeroDivisionError))
