class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"P({self.x}, {self.y})"
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s, {P(0, 0): "origin"}[P(0, 0)], P(1, 2) == P(1, 2), P(1, 2) != P(1, 2), P(1, 2) != P(3, 3))
class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__, NoHash() == 5, NoHash() != 5)
try:
    {NoHash()}
except TypeError as e:
    print(e)
class IdEq:
    pass
a = IdEq()
print(a == a, a == IdEq(), a != IdEq(), len({a, a, IdEq()}))
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ord(3), Ord(1), Ord(2)]), max(Ord(1), Ord(5)), min([Ord(4), Ord(2)]), Ord(2) > Ord(1))
try:
    Ord(1) <= Ord(2)
except TypeError as e:
    print(e)
