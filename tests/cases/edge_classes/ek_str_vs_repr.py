class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
print(R(), str(R()), [R()], S(), [S()][0].__str__(), Both(), [Both()], (Both(),), {"k": Both()})
print(f"{Both()} {Both()!r} {Both()!s}", "%s %r" % (Both(), Both()), "{} {!r}".format(Both(), Both()))
print(str(S()).upper(), repr(S()).startswith("<__main__.S object at"), format(Both()), format(Both(), ""))
class F:
    def __format__(self, spec): return f"F[{spec}]"
print(f"{F():>10}", format(F(), "xyz"), "{:abc}".format(F()), f"{F()}")
try:
    format(R(), "x")
except TypeError as e:
    print(e)
