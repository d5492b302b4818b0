a = list(range(5000))
print(len(a), sum(a), a[-1])
b = [x * x for x in a if x % 7 == 0]
print(len(b), b[:5], b[-1])
a.reverse()
print(a[:3])
a.sort()
print(a[:3], a[2500])
c = a[::100]
print(c[:5], len(c))
