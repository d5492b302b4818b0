def f(a, b, /):
    return a - b
print(f(5, 3))
try:
    f(5, b=3)
except TypeError as e:
    print(type(e).__name__, e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(*, key):
    return key
try:
    h("pos")
except TypeError as e:
    print(type(e).__name__, e)
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
