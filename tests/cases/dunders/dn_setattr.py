# property setters/deleters and __setattr__/__delattr__ from bytecode
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
        return "ignored"
    @c.deleter
    def c(self):
        print("deleting")
        self._c = None

t = Temp()
t.c = 25
print(t.c)
t.c += 5
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print(e, t.c)
del t.c
print(t.c)

class RO:
    @property
    def x(self):
        return 1
try:
    RO().x = 2
except AttributeError as e:
    print(e)
try:
    del RO().x
except AttributeError as e:
    print(e)

class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

l = Logged()
l.a = 3
l.a += 1
print(l.a, vars(l))
del l.a
print(vars(l))
try:
    del l.zz
except AttributeError as e:
    print(e)
setattr(l, "b", 5)
print(l.b)

class Frozen:
    __slots__ = ()
    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)
try:
    Frozen().q = 1
except AttributeError as e:
    print(e)

class Sup(Logged):
    def __setattr__(self, name, value):
        super().__setattr__(name, value + 100)
s = Sup()
s.v = 1
print(s.v)
