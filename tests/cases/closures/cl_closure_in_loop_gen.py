def make_adders():
    return [lambda n, k=k: n + k for k in range(4)]
print([f(10) for f in make_adders()])
gens = [(lambda: k) for k in "xyz"]
print([g() for g in gens])
def mults():
    out = []
    for m in (2, 3):
        def f(v, m=m):
            return v * m
        out.append(f)
    return out
print([f(5) for f in mults()])
