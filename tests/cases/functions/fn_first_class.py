def add(a, b):
    return a + b
def mul(a, b):
    return a * b
ops = {"+": add, "*": mul, "-": lambda a, b: a - b}
for sym in ["+", "*", "-"]:
    print(sym, ops[sym](6, 3))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
print(add.__name__, (lambda: 0).__name__, callable(add), callable(5))
fs = [add, mul]
print([f(2, 5) for f in fs])
def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h
print(compose(str, lambda x: x + 1, abs)(-5))
