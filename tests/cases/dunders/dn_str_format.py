# __str__ / __repr__ / __format__ through str(), repr(), print(), f-strings, format()
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % (self.x,)
    def __str__(self):
        return "<P %s>" % (self.x,)

class F(P):
    def __format__(self, spec):
        return "F[" + spec + "]"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

p, f, o = P(1), F("s"), OnlyRepr()
print(p, f, o)
print(str(p), repr(p), str(o), repr(o), [p, o])
print(f"{p} {p!s} {p!r} {p!r:>12}|{o}|{o!r}|{f}|{f:abc}|{f!s}|{f!r}")
print(format(p), format(f, "x>5"), format(o, ""), "{} {!r} {:q}".format(p, o, f))
print("%s %r" % (p, o))
print(p, o, sep=" | ", end=" <end>\n")
try:
    format(p, "x")
except TypeError as e:
    print(e)
try:
    f"{o:>5}"
except TypeError as e:
    print(e)

class Bad:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return self.v
    def __format__(self, spec):
        return self.v

class BadRepr:
    def __repr__(self):
        return 7

tests = [
    lambda: str(Bad(1)), lambda: f"{Bad(2)!s}", lambda: f"{Bad(3)}", lambda: format(Bad(4), "z"),
    lambda: print(Bad(5)), lambda: repr(BadRepr()), lambda: str(BadRepr()),
    lambda: f"{BadRepr()}", lambda: f"{BadRepr()!r}", lambda: print(BadRepr()),
    lambda: "%s" % BadRepr(), lambda: [BadRepr()].__repr__(),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(e)

class E(Exception):
    def __repr__(self):
        return "E-repr"
e = E("msg")
print(str(e), repr(e), f"{e}", f"{e!r}")
print(e)
