class Counter:
    instances = []
    total = 0
    def __init__(self):
        self.total = 5
        Counter.instances.append(self)
a = Counter(); b = Counter()
print(a.total, Counter.total, len(a.instances), a.instances is Counter.instances)
Counter.total = 9
del a.total
print(a.total, b.total)
class D:
    x = 1
    def get(self): return self.x
d = D()
D.x = 2
print(d.get())
d.x = 3
print(d.get(), D.x)
D.get = lambda self: "patched"
print(d.get())
def ext(self, k): return self.x * k
D.mul = ext
print(d.mul(4), hasattr(d, "mul"), hasattr(d, "nope"), getattr(d, "nope", "default"))
setattr(d, "dyn", 7)
print(d.dyn, vars(d) if True else None, sorted(d.__dict__))
try:
    d.missing
except AttributeError as e:
    print(e)
try:
    D.missing
except AttributeError as e:
    print(e)
print(D.__name__, type(d).__name__, d.__class__ is D, type(D).__name__)
