log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, sorted(k.items())
print(f(v(1), v(2), k=v(3), j=v(4)))
print(log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log)
log.clear()
x = v(1) + v(2) * v(3)
print(x, log)
