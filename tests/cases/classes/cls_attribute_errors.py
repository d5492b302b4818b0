class P:
    def __init__(self):
        self.a = 1
p = P()
try:
    p.b
except AttributeError as e:
    print(e)
try:
    P.nope
except AttributeError as e:
    print(e)
print(getattr(p, "b", "default"), hasattr(p, "a"))
setattr(p, "b", 2)
print(p.b)
del p.a
try:
    p.a
except AttributeError as e:
    print(e)
p.missing_method()
