def kw_only(a, *, b, c=3):
    return a + b + c
print(kw_only(1, b=2), kw_only(1, b=2, c=10))
try:
    kw_only(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kw_only(1)
except TypeError as e:
    print(type(e).__name__, e)
def pos_only(a, b, /, c):
    return a, b, c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
try:
    pos_only(a=1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)
def mixed(a, /, b, *, c):
    return a, b, c
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
