t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t.index(2), t.count(1), (1, 1, 1).count(1), max(t), sum(t))
x = 1, 2
print(x, type(x).__name__)
y = 5,
print(y)
print((1, (2, (3,))), ((),), tuple(tuple(r) for r in [[1], [2]]))
