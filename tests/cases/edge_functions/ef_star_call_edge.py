def f(*a, **k): return a, k
print(f(*"ab", *range(2), x=1, **{"y": 2}))
print(f(**{}), f(*[]), f(*(), **dict(a=1)))
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
try:
    f(x=1, **{"x": 2})
except TypeError as e:
    print(e)
print(max(*[3, 9, 2]), print(*[], sep="x") is None)
args = {"sep": "-", "end": "!\n"}
print(1, 2, 3, **args)
