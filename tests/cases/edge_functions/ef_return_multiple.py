def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([3, 1, 4, 1, 5])
print(lo, hi, minmax("hello"))
def nothing(): return
def implicit(): pass
print(nothing(), implicit())
def early(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    for i in range(x):
        if i == 2:
            return f"found {i}"
    return "small"
print([early(v) for v in (-1, 0, 1, 5)])
def gen_return():
    return (yield 1)
g = gen_return()
next(g)
try:
    g.send("sent")
except StopIteration as e:
    print(e.value)
