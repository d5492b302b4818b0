def g():
    x = yield
    while True:
        x = yield x * 2
it = g(); next(it)
print([it.send(i) for i in range(5)])
