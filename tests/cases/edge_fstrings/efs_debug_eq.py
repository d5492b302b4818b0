x = 5; y = [1, 2]
print(f"{x=}", f"{x = }", f"{x+1=}", f"{y[0]=}", f"{x=!s}", f"{x=:>4}", f"{'s'=}")
class P:
    def __repr__(self): return "P!"
    def __str__(self): return "p"
print(f"{P()=}", f"{P()}", f"{P()!r}")
