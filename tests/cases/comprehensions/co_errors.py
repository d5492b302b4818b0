try:
    [1 / x for x in [2, 1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print(type(e).__name__, e)
try:
    [x for x in 5]
except TypeError as e:
    print(type(e).__name__, e)
r = [undefined_var for _ in range(2)]
