items = [1, 2, 3]
try:
    items()
except TypeError as e:
    print(type(e).__name__, e)
try:
    "str"()
except TypeError as e:
    print(type(e).__name__, e)
x = None
x()
