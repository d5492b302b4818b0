class Expr:
    def __add__(self, o): return BinOp("+", self, wrap(o))
    def __radd__(self, o): return BinOp("+", wrap(o), self)
    def __mul__(self, o): return BinOp("*", self, wrap(o))
    def __rmul__(self, o): return BinOp("*", wrap(o), self)
    def __sub__(self, o): return BinOp("-", self, wrap(o))
    def __neg__(self): return BinOp("*", Const(-1), self)
    def __pow__(self, o): return BinOp("**", self, wrap(o))
def wrap(v): return v if isinstance(v, Expr) else Const(v)
class Const(Expr):
    def __init__(self, v): self.v = v
    def eval(self, env): return self.v
    def diff(self, var): return Const(0)
    def __repr__(self): return repr(self.v)
class Var(Expr):
    def __init__(self, n): self.n = n
    def eval(self, env):
        try:
            return env[self.n]
        except KeyError:
            raise NameError(f"unbound variable {self.n!r}") from None
    def diff(self, var): return Const(1 if var == self.n else 0)
    def __repr__(self): return self.n
class BinOp(Expr):
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "**": lambda a, b: a ** b}
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
    def eval(self, env): return self.OPS[self.op](self.l.eval(env), self.r.eval(env))
    def diff(self, var):
        l, r = self.l, self.r
        if self.op in "+-": return BinOp(self.op, l.diff(var), r.diff(var))
        if self.op == "*": return l.diff(var) * r + l * r.diff(var)
        if isinstance(r, Const): return r.v * l ** (r.v - 1) * l.diff(var)
        raise NotImplementedError("general power rule")
    def __repr__(self): return f"({self.l!r} {self.op} {self.r!r})"
def simplify(e):
    if not isinstance(e, BinOp): return e
    l, r = simplify(e.l), simplify(e.r)
    if isinstance(l, Const) and isinstance(r, Const): return Const(BinOp(e.op, l, r).eval({}))
    if e.op == "*" and (repr(l) == "0" or repr(r) == "0"): return Const(0)
    if e.op == "*" and repr(l) == "1": return r
    if e.op == "*" and repr(r) == "1": return l
    if e.op == "+" and repr(l) == "0": return r
    if e.op == "+" and repr(r) == "0": return l
    return BinOp(e.op, l, r)
x, y = Var("x"), Var("y")
e = 3 * x ** 2 + 2 * x * y - y + 7
print(e)
print(e.eval({"x": 2, "y": 5}), e.eval({"x": -1.5, "y": 0}))
print(simplify(e.diff("x")), simplify(e.diff("y")), simplify(e.diff("z")))
print(simplify(e.diff("x")).eval({"x": 1, "y": 1}))
try:
    e.eval({"x": 1})
except NameError as err:
    print(err)
try:
    (x ** y).diff("x")
except NotImplementedError as err:
    print("NotImplementedError", err)
