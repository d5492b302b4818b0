class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, (int, float)): return V(self.x + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o): return V(self.x - (o.x if isinstance(o, V) else o))
    def __rsub__(self, o): return V(o - self.x)
    def __mul__(self, k): return V(self.x * k) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k): return self * k
    def __neg__(self): return V(-self.x)
    def __abs__(self): return V(abs(self.x))
    def __matmul__(self, o): return self.x * o.x
    def __truediv__(self, o): return V(self.x / o)
    def __floordiv__(self, o): return V(self.x // o)
    def __mod__(self, o): return V(self.x % o)
    def __pow__(self, o): return V(self.x ** o)
    def __rpow__(self, o): return V(o ** self.x)
    def __lshift__(self, o): return V(self.x << o)
    def __and__(self, o): return V(self.x & o)
    def __or__(self, o): return V(self.x | o)
    def __xor__(self, o): return V(self.x ^ o)
    def __invert__(self): return V(~self.x)
    def __pos__(self): return V(+self.x)
print(V(1) + V(2), V(1) + 5, 5 + V(1), 2.5 + V(1), V(5) - 1, 10 - V(3), 3 * V(2), V(2) * 3)
print(-V(3), abs(V(-4)), V(2) @ V(5), V(7) / 2, V(7) // 2, V(7) % 4, V(2) ** 5, 2 ** V(3))
print(V(1) << 3, V(6) & 3, V(6) | 1, V(6) ^ 2, ~V(0), +V(4), sum([V(1), V(2)], V(0)), sum([V(1), V(2)]))
v = V(1)
v += 10
v -= 1
v *= 2
print(v)
try:
    V(1) * "a"
except TypeError as e:
    print(e)
try:
    "a" + V(1)
except TypeError as e:
    print(e)
try:
    V(1) < V(2)
except TypeError as e:
    print(e)
class W:
    def __radd__(self, o): return "W.radd"
    def __rsub__(self, o): return NotImplemented
print(1 + W(), [1] + W(), "s" + W())
try:
    1 - W()
except TypeError as e:
    print(e)
