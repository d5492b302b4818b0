a = [[0] * 3] * 3
a[0][0] = 1
print(a)
b = [[0] * 3 for _ in range(3)]
b[0][0] = 1
print(b)
c = a[:]
c.append(5)
print(len(a), len(c), c[0] is a[0])
d = {"l": []}
e = dict(d)
e["l"].append(1)
print(d)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
def mut(l=[]):
    l.append(len(l))
    return l
print(mut(), mut(), mut([9]), mut())
def safe(l=None):
    if l is None:
        l = []
    l.append(1)
    return l
print(safe(), safe())
