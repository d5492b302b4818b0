def g():
    yield 1
    return 5
def h():
    r = yield from g()
    yield r * 10
print(list(h()))
