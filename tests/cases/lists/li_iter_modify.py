a = [1, 2, 3, 4, 5, 6]
for x in a[:]:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = list(range(10))
b = [x for x in b if x % 3]
print(b)
c = [1, 2, 3]
i = 0
while i < len(c):
    if c[i] == 2:
        c.insert(i, 0)
        i += 1
    i += 1
print(c)
