class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)), tuple(Countdown(0)))
c = Countdown(2)
for x in c:
    print("x", x)
print(list(c), next(c, "done"))
a, b, cc = Countdown(3)
print(a, b, cc)
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
out = []
for f in Fib():
    if f > 50: break
    out.append(f)
print(out)
print(dict(zip(Countdown(3), "abc")), set(Countdown(3)) == {1, 2, 3}, "".join(str(x) for x in Countdown(5)))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
