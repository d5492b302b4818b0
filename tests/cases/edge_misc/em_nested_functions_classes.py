def make_class(base_val):
    class Dyn:
        val = base_val
        def __init__(self, extra):
            self.extra = extra
        def total(self):
            return self.val + self.extra
        def __repr__(self):
            return f"Dyn({self.val}+{self.extra})"
    return Dyn
A = make_class(10)
B = make_class(100)
print(A(1).total(), B(2).total(), A(5), A is B, A.__name__ == B.__name__)
def deco_with_state():
    calls = []
    def deco(f):
        def w(*a):
            calls.append(f.__name__)
            return f(*a)
        return w
    return deco, calls
deco, calls = deco_with_state()
class Svc:
    @deco
    def a(self): return "a"
    @deco
    def b(self, x): return x * 2
s = Svc()
print(s.a(), s.b(4), s.a(), calls)
