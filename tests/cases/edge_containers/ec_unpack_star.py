a, *b, c = range(5)
print(a, b, c)
*a, b = "xy"
print(a, b)
a, *b = [1]
print(a, b)
(a, b), *c, [d, *e] = (1, 2), 3, 4, [5, 6, 7]
print(a, b, c, d, e)
first, *_, last = iter(range(10))
print(first, last)
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
x = y = z = [0]
x += [1]
print(y, z is x)
a, b = b, a = 1, 2
print(a, b)
print(*[1, 2], *(), *"ab", sep="-")
print([*range(3), *{4: 0}], (*"ab",), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
for bad in [lambda: [a, b] == 0, None]:
    pass
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
