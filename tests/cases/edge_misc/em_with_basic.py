class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", swallow=True):
    raise ValueError("swallowed")
print("after swallow")
try:
    with CM("p"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
with (CM("p1") as a,
      CM("p2") as b):
    print(a, b)
