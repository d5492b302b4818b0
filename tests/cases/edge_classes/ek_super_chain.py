class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
    def hello(self): return "Base"
class Left(Base):
    def __init__(self, left=0, **kw):
        print("Left init", left)
        super().__init__(**kw)
    def hello(self): return "Left>" + super().hello()
class Right(Base):
    def __init__(self, right=0, **kw):
        print("Right init", right)
        super().__init__(**kw)
    def hello(self): return "Right>" + super().hello()
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both init")
        super().__init__(**kw)
    def hello(self): return "Both>" + super().hello()
b = Both(left=1, right=2, extra=3)
print(b.hello(), [c.__name__ for c in Both.__mro__])
print(super(Left, b).hello(), Base.hello(b))
class X:
    def m(self): return "X"
class Y(X):
    def m(self):
        f = lambda: super(Y, self).m()
        return "Y" + f()
print(Y().m())
