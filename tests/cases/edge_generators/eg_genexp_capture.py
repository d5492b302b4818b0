x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def make():
    return [(lambda: j) for j in range(3)]
print([f() for f in make()])
gens = [(i * k for k in range(3)) for i in range(3)]
print([list(g) for g in gens])
try:
    gg = (1 / v for v in [1, 0])
    print(next(gg))
    next(gg)
except ZeroDivisionError as e:
    print("lazy", e)
try:
    bad = (q for q in 5)
except TypeError as e:
    print("eager", e)
def outer():
    y = 5
    return (y * z for z in range(3))
print(list(outer()))
