class V:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return f"V({self.a!r}, {self.b!r})"
class S(V):
    def __str__(self):
        return f"<{self.a}|{self.b}>"
v = V(1, "x")
s = S(2, "y")
print(v, repr(v), str(v), [v])
print(s, repr(s), [s], f"{s} {s!r}")
print("%s %r" % (s, s))
