# Operator protocol corner cases: binary, in-place, reflected (subclass
# first), NotImplemented chains, rich comparisons with reflection and the
# != fallback, identity fallback, unary operators, and CPython's errors.

log = []

class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"V({self.v})"
    def __add__(self, o):
        log.append("V.add")
        if isinstance(o, (V, int)):
            return V(self.v + (o.v if isinstance(o, V) else o))
        return NotImplemented
    def __radd__(self, o):
        log.append("V.radd")
        if isinstance(o, int):
            return V(o + self.v)
        return NotImplemented
    def __sub__(self, o):
        return V(self.v - o)
    def __mul__(self, o):
        return NotImplemented
    def __rmul__(self, o):
        return V(o * self.v)
    def __truediv__(self, o): return ("truediv", o)
    def __floordiv__(self, o): return ("floordiv", o)
    def __mod__(self, o): return ("mod", o)
    def __pow__(self, o): return ("pow", o)
    def __rpow__(self, o): return ("rpow", o)
    def __lshift__(self, o): return ("lshift", o)
    def __rshift__(self, o): return ("rshift", o)
    def __and__(self, o): return ("and", o)
    def __or__(self, o): return ("or", o)
    def __xor__(self, o): return ("xor", o)
    def __matmul__(self, o): return ("matmul", o)
    def __rmatmul__(self, o): return ("rmatmul", o)
    def __neg__(self): return V(-self.v)
    def __pos__(self): return ("pos", self.v)
    def __invert__(self): return ("invert", self.v)

class W(V):
    def __radd__(self, o):
        log.append("W.radd")
        return "W.radd"

class W2(V):
    pass  # does not override __radd__: the left operand goes first

a = V(2)
print(a + 3, 3 + a, a + a, a - 1, 4 * a)
print(a / 1, a // 1, a % 1, a ** 2, 2 ** a, a << 1, a >> 1)
print(a & 1, a | 1, a ^ 1, a @ 1, 1 @ a, -a, +a, ~a)
log.clear()
print(V(1) + W(2), log)
log.clear()
print(V(1) + W2(2), log)
log.clear()
try:
    V(1) + "s"
except TypeError as e:
    print(e, log)
try:
    "s" + V(1)
except TypeError as e:
    print(e)
try:
    V(1) * V(2)
except TypeError as e:
    print(e)
try:
    [1] * V(2)
except TypeError as e:
    print("list*", e)

# in-place: __iadd__, its NotImplemented falling back to __add__ / __radd__
class I:
    def __init__(self):
        self.n = 0
    def __iadd__(self, o):
        if o == "no":
            return NotImplemented
        self.n += o
        return self
    def __add__(self, o):
        return "I.add"
    def __isub__(self, o):
        return NotImplemented

x = I()
x += 5
x += 6
print(x.n)
x += "no"
print(x)
y = I()
try:
    y -= 1
except TypeError as e:
    print(e)
z = V(1)
z += 4
print(z)
z -= 3
print(z)
lst = [V(1)]
lst[0] += 1
print(lst)

class Plain:
    pass

for f in (lambda: Plain() + 1, lambda: 1 - Plain(), lambda: Plain() ** 2,
          lambda: Plain() @ Plain(), lambda: -Plain(), lambda: ~Plain(),
          lambda: +Plain()):
    try:
        f()
    except TypeError as e:
        print(e)
p = Plain()
try:
    p //= 2
except TypeError as e:
    print(e)

# rich comparisons
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        log.append("C.eq")
        if not isinstance(o, C):
            return NotImplemented
        return self.v == o.v
    def __lt__(self, o):
        log.append("C.lt")
        if not isinstance(o, C):
            return NotImplemented
        return self.v < o.v
    def __ge__(self, o):
        log.append("C.ge")
        return NotImplemented

class D(C):
    def __gt__(self, o):
        log.append("D.gt")
        return "D.gt"

log.clear()
print(C(1) == C(1), C(1) != C(2), C(1) == 1, 1 != C(1), log)
log.clear()
print(C(1) < C(2), C(3) > C(2), log)
log.clear()
print(C(1) < D(2), log)
log.clear()
try:
    C(1) <= C(2)
except TypeError as e:
    print(e, log)
log.clear()
try:
    C(1) >= C(2)
except TypeError as e:
    print(e, log)
try:
    C(1) < 5
except TypeError as e:
    print(e)
try:
    5 > Plain()
except TypeError as e:
    print(e)
c = C(1)
print(c == c, Plain() == Plain(), p == p, p != p)

class NE:
    def __ne__(self, o):
        return "custom ne"
    def __eq__(self, o):
        return 0
print(NE() != 1, NE() == 1, 1 != NE())

class Truthy:
    def __eq__(self, o):
        return [1]
print(Truthy() != 1, Truthy() == 1)
if C(2) == C(2):
    print("if eq")
if not (C(2) == C(3)):
    print("if not eq")
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v, min(C(3), C(1)).v)

# errors raised inside dunders keep their tracebacks' origin
class R:
    def __add__(self, o):
        raise ValueError("from add")
try:
    R() + 1
except ValueError as e:
    print("VE", e)

class Big:
    def __add__(self, o):
        return Big.deep(o)
    @staticmethod
    def deep(n):
        return n if n <= 0 else Big() + (n - 1)
print(Big() + 50)

# constant right operands (BINARY_OP_CONST / COMPARE_OP_CONST) after
# NotImplemented, and recursion through an operator costs one frame a level
class NI:
    def __add__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
    def __gt__(self, o):
        return "NI.gt"
n = NI()
for f in (lambda: n + 1, lambda: n < 1, lambda: 1 < n, lambda: n - 1):
    try:
        print(f())
    except TypeError as e:
        print(e)

class Deep:
    def __add__(self, n):
        return n if n <= 0 else Deep() + (n - 1)
    def __lt__(self, n):
        return n <= 0 or Deep() < n - 1
print(Deep() + 600, Deep() < 600)

# min()/max() compare user instances with the same protocol
log.clear()
print(min(C(3), C(1), C(2)).v, max([C(3), C(1)], key=lambda c: c.v).v)
print(log)
e1, e2 = C(1), C(1)
print(min(e1, e2) is e1, max(e1, e2) is e1, min([D(2), C(1)]).v if False else 0)
for f in (lambda: min(C(1), 5), lambda: max(5, C(1)), lambda: max([C(1), Plain()])):
    try:
        print(f())
    except TypeError as e:
        print(e)

# str % with user __str__/__repr__ values
class S:
    def __init__(self, v): self.v = v
    def __str__(self): return f"S<{self.v}>"
    def __repr__(self): return f"S({self.v!r})"
class Rp:
    def __repr__(self): return "Rp!"
s = S("é")
print("%s" % s, "%r" % s, "%a" % s, "[%10s|%-8.3s]" % (s, S(1)), "%s and %r %%" % (1, s))
print("%5.1f %s %d" % (1.25, Rp(), 3), "%(x)s" % {"x": s}, "%*s|" % (8, s), "%.*s|" % (3, s))
x = "v=%s"
x %= s
print(x)
for f in (lambda: "%s %s" % s, lambda: "%s" % (s, s), lambda: "%d" % s,
          lambda: "%s %" % (s,), lambda: "%s %d" % (s, s)):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
