for n in range(-2, 3):
    s = "pos" if n > 0 else "zero" if n == 0 else "neg"
    print(n, s)
x = None
print(x if x is not None else "default", (1 if True else 2), ("a" if "" else "b"))
vals = [v if v % 2 else -v for v in range(5)]
print(vals)
f = (lambda: "L") if x else (lambda: "R")
print(f())
