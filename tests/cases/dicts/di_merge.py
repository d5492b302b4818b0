a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
c = dict(a)
c |= b
print(c)
print({**a, **b, "w": 0}, {**b, "y": 0})
try:
    a | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
