def build(**fields):
    return sorted(fields.items())
print(build(b=2, a=1, c=3))
def describe(name, **info):
    parts = [name]
    for k, v in info.items():
        parts.append(f"{k}={v}")
    return " ".join(parts)
print(describe("box", w=1, h=2, color="red"))
opts = {"w": 5, "h": 6}
print(describe("rect", **opts), describe(name="circle", r=1))
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, *[2, 3]), f(*(1, 2), c=3), f(**{"c": 1, "b": 2, "a": 3}))
try:
    describe("x", **{"name": "dup"})
except TypeError as e:
    print(type(e).__name__, e)
