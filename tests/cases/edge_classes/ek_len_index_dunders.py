class V:
    def __len__(self): return 2**70
try:
    len(V())
except OverflowError as e:
    print(e)
class F:
    def __index__(self): return 2
print([10, 20, 30][F()], "abc"[F()], (1, 2, 3)[F()], b"xyz"[F()], bin(F()), range(F()), [1, 2, 3, 4][F():], hex(F()))
class NoIdx:
    pass
for f in [lambda: [1][NoIdx()], lambda: "a"[NoIdx()], lambda: (1,)[NoIdx()]]:
    try:
        f()
    except TypeError as e:
        print(e)
