class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._t, name)
    def __setattr__(self, name, v):
        self.log.append("set " + name)
        setattr(self._t, name, v)
class T:
    a = 1
p = Proxy(T())
print(p.a, p.log)
p.b = 5
print(p._t.b, p.log)
try:
    p.zzz
except AttributeError as e:
    print(e)
class Default:
    def __getattr__(self, n):
        if n.startswith("x"): return n * 2
        raise AttributeError(f"no {n}")
d = Default()
print(d.xy, hasattr(d, "xa"), hasattr(d, "q"), getattr(d, "q", None))
