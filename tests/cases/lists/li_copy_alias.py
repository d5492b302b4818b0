a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
a[1].append(99)
print(a, b, c, d, e)
print(a is b, c is a, c[1] is a[1])
