# __iter__, __next__, __len__, __bool__ through for, iter(), next(), len(), truth tests
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)

b = Bag(1, 2, 3)
print([x * 2 for x in b], list(iter(b)), len(b), sum(b))
for x in b:
    print("item", x)
if b:
    print("non-empty")
if not Bag():
    print("empty")
print("yes" if Bag(0) else "no", bool(Bag()), not b)

class Gen:
    def __iter__(self):
        yield "a"
        yield "b"
print(list(Gen()), [c for c in Gen()], next(iter(Gen())))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), next(Countdown(2)), next(Countdown(0), "done"))
it = Countdown(1)
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

class BadIter:
    def __iter__(self):
        return [1, 2]
for call in (lambda: iter(BadIter()), lambda: [x for x in BadIter()], lambda: list(BadIter())):
    try:
        call()
    except TypeError as e:
        print(e)

class L:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
for v in (-1, "3", 2**70, 3.0, True):
    for call in (lambda: len(L(v)), lambda: bool(L(v)), lambda: 1 if L(v) else 0, lambda: not L(v)):
        try:
            print(call())
        except Exception as e:
            print(type(e).__name__, e)

class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
    def __len__(self):
        return 5
for v in (True, False, 1, None):
    try:
        print(bool(B(v)), "t" if B(v) else "f", not B(v))
    except TypeError as e:
        print(e)
n = 0
w = B(True)
while w:
    n += 1
    w.v = n < 3
print(n, B(True) and "and", B(False) or "or")
