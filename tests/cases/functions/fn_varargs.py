def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw
print(g(1, c=3), g(1, 5, 6, 7, c=8, e=9), g(*[1, 2, 3], **{"c": 0, "z": 1}))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3), total(*range(10)))
args = (1, 2)
kw = {"sep": "-"}
print(*args, **kw)
print(*"abc", *[1, 2], sep="|")
