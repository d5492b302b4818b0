try:
    sorted([3, 1], key=lambda x: x / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], foo=1)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([(1, "b"), (1, "a")]))
try:
    sorted([(1, "b"), (1, 2)])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([1, 2, 3], key=None, reverse=False))
