def inner(n):
    for i in range(n):
        yield i
    return n * 100
def outer():
    a = yield from inner(2)
    b = yield from inner(3)
    yield a + b
print(list(outer()))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], range(2), (x for x in "z"))))
