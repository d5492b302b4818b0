class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1); b = Single(2)
print(a is b, a.v)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class Ret:
    def __init__(self):
        return 5
try:
    Ret()
except TypeError as e:
    print(e)
class Args:
    def __init__(self, a, b=2, *, c):
        self.t = (a, b, c)
print(Args(1, c=3).t)
try:
    Args(1)
except TypeError as e:
    print(e)
try:
    Args()
except TypeError as e:
    print(e)
