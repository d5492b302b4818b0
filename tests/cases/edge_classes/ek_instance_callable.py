class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
add5 = Adder(5)
print(add5(1), list(map(add5, [1, 2])), callable(add5), callable(Adder), callable(5), sorted([3, 1], key=Adder(0)))
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
bound = add5.__call__
print(bound(10), Adder.__call__(add5, 1))
m = [].append
print(type(m).__name__, m.__self__ if hasattr(m, "__self__") else "")
