it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("stop", repr(e))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(filter(None, [0, 1, "", "x", None, []])))
print(list(zip()), list(zip([1])), list(zip(*[(1, 2), (3, 4)])))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
print(any([]), all([]), any(x > 2 for x in [1, 3]), all(x for x in [1, 0]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print(sorted({3: 1, 1: 2}), list(enumerate({"a": 1})), dict(enumerate("ab")))
e = enumerate("xy")
print(next(e), next(e), next(e, None))
m = map(str, range(3))
print(list(m), list(m))
class Count:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * i
print(list(Count(4)), 9 in Count(4), 5 in Count(4))
it = iter(Count(2))
print(next(it), next(it), next(it, "end"))
