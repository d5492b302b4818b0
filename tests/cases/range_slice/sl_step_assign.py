a = list(range(12))
a[::3] = ["a", "b", "c", "d"]
print(a)
del a[1::4]
print(a)
b = list("abcdef")
b[1:5:2] = ["X", "Y"]
print(b)
b[::-1] = b[:]
print(b)
t = tuple(range(6))
print(t[::2], t[::-2], t[4:1:-1])
