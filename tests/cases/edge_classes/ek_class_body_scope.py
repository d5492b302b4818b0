x = "global x"
class A:
    x = "class x"
    y = x + "!"
    def f(self):
        return x
    z = [x for _ in range(1)]
print(A.y, A().f(), A.z)
class B:
    items = []
    for i in range(3):
        items.append(i * i)
    del i
print(B.items, hasattr(B, "i"))
def factory(n):
    class Inner:
        val = n
        def get(self): return self.val + n
    return Inner
print(factory(3)().get(), factory(4).val, factory(1).__name__)
class Outer:
    class Nested:
        def hi(self): return "nested hi"
    def make(self): return self.Nested()
print(Outer().make().hi(), Outer.Nested.__name__, Outer.Nested.__qualname__)
