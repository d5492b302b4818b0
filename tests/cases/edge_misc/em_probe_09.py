a = [1, 2, 3]
a[1:2] = a
print(a)
b = [1,2,3]
b[:] = b[::-1]
print(b)
