classify = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(n) for n in (-2, 0, 5)])
clamp = lambda x, lo=0, hi=10: max(lo, min(hi, x))
print(clamp(-5), clamp(5), clamp(50), clamp(50, hi=100))
print((lambda: (yield))  is None)
