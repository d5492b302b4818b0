# property getters reached from attribute loads, method loads and getattr()
class Base:
    def __init__(self, url):
        self.url = url
        self.calls = 0

    @property
    def data(self):
        self.calls += 1
        return "data:" + self.url

    @property
    def broken(self):
        raise KeyError("inside getter")


class Child(Base):
    @property
    def size(self):
        return len(self.data)


c = Child("x/y")
print(c.data, c.size, c.calls)
print(c.data.upper())            # method load on the property's value
print(c.data.split(":")[1])
print(getattr(c, "data"), getattr(c, "size", -1), getattr(c, "missing", "dflt"))
try:
    c.broken
except KeyError as e:
    print("KeyError", e)
try:
    getattr(c, "broken", None)
except KeyError as e:
    print("getattr does not swallow KeyError", e)
try:
    c.broken.lower()
except KeyError as e:
    print("method load", e)


class Lazy:
    @property
    def value(self):
        raise AttributeError("no value yet")

print(getattr(Lazy(), "value", "fallback"))
try:
    Lazy().value
except AttributeError as e:
    print("AttributeError", e)

# property objects made without the decorator, with a lambda getter
class Q:
    x = property(lambda self: 42)
    y = property()
print(Q().x)
try:
    Q().y
except AttributeError as e:
    print(type(e).__name__)


class Dyn:
    def __getattr__(self, name):
        if name.startswith("no"):
            raise AttributeError(name)
        return name * 2

d = Dyn()
print(d.ab, getattr(d, "cd"), getattr(d, "nope", 0), hasattr(d, "nope"), d.ef.upper())
try:
    d.nothing
except AttributeError as e:
    print("AttributeError", e)

# a getter in a comprehension and in a loop condition
class Counter:
    def __init__(self):
        self.n = 0
    @property
    def more(self):
        self.n += 1
        return self.n < 4
k = Counter()
while k.more:
    pass
print(k.n, [k.more for _ in range(2)])
