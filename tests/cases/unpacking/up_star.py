first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
(x, *ys), z = [1, 2, 3], 4
print(x, ys, z)
print(*[1, 2], *(3,), *{4: 0})
l = [*range(3), *"ab"]
t = (*l, 0)
s = {*[1, 1, 2]}
d = {**{"a": 1}, "b": 2}
print(l, t, s, d)
