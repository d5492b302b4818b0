def gen():
    yield 1
    yield 2
a, b = gen()
print(a, b)
h, *t = (x * x for x in range(5))
print(h, t)
k, v = {"only": 1}.popitem()
print(k, v)
q, r = divmod(17, 4)
print(q, r)
try:
    a, b = (x for x in range(3))
except ValueError as e:
    print(type(e).__name__, e)
