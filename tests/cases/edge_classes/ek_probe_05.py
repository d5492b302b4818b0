class F:
    def __index__(self): return 2
print([10, 20, 30][F()], "abc"[F()], bin(F()), range(F()), [1,2,3,4][F():], hex(F()))
