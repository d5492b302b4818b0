a = list(range(10))
a[2:5] = ["x", "y"]; print(a)
a[:0] = [-1]; print(a)
a[len(a):] = [99]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
a[1:3] = []; print(a)
a[:] = "abc"; print(a)
b = [1, 2, 3, 4, 5, 6]
b[::-2] = ["p", "q", "r"]; print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
c[1:2] = range(5); print(c)
