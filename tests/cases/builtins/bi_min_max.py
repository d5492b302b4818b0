print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a"))
print(max([1, -5, 3], key=abs), min(["aaa", "b", "cc"], key=len), max([], default="empty"), min([], default=None))
print(max([(1, "b"), (1, "a")]), max([2, 1, 2], key=lambda x: x), max(1, 2.5), min(True, 0))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, "a"), lambda: max([], key=len)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(max([1, 3, 3, 2], key=lambda v: v == 3), max(["a", "bb", "cc"], key=len))
