def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    wrapper.__name__ = fn.__name__
    return wrapper
def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
@times(2)
def sq(x): return x * x
print(sq(3), sq.__name__)
registry = {}
def register(name):
    def deco(f):
        registry[name] = f
        return f
    return deco
@register("add")
def add(a, b): return a + b
@register("mul")
def mul(a, b): return a * b
print(sorted(registry), registry["mul"](3, 4), add(1, 2))
def deco_class(cls):
    cls.tag = "decorated"
    return cls
@deco_class
class K: pass
print(K.tag)
@lambda f: f()
def immediate(): return "ran"
print(immediate)
