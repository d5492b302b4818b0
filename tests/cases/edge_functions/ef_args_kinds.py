def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7, y=8))
print(f(*[1, 2], **{"d": 0, "c": 9}))
for call in [lambda: f(d=1), lambda: f(1, 2, 3), lambda: f(a=1, d=2), lambda: f(1, d=1, d2=3, c=1, **{"c": 2})]:
    try:
        print(call())
    except TypeError as e:
        print(e)
def g(*, only): return only
try:
    g(1)
except TypeError as e:
    print(e)
def h(a, b): return a - b
print(h(b=1, a=5), h(*(3,), **{"b": 1}))
try:
    h(1, a=2)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
try:
    h(1, c=3)
except TypeError as e:
    print(e)
def kwonly_default(a, *, b=[]): 
    b.append(a)
    return b
print(kwonly_default(1), kwonly_default(2), kwonly_default(3, b=[]))
