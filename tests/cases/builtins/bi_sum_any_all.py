print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(5), start=100))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(x < 5 for x in range(5)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(sum((x for x in range(10) if x % 2)), sum([True, True, False]))
