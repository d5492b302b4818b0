a = list(range(10))
del a[1::2]
a[::-1] = a[:]
print(a, a.index(4), a * 0, [a] * 2 == [a, a])
