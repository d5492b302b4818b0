def a(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        return a(n - 1)
    finally:
        print("unwind", n)
try:
    a(4)
except IndexError as e:
    print("top caught", e)
