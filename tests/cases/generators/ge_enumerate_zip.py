def letters():
    yield from "abcde"
for i, c in enumerate(letters(), 1):
    print(i, c, end="; ")
print()
print(list(zip(letters(), range(3))))
print(dict(zip(letters(), (x ** 2 for x in range(10)))))
def pairs(it):
    it = iter(it)
    for a in it:
        yield a, next(it, None)
print(list(pairs(range(7))))
