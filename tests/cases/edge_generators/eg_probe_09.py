def g():
    yield
print(list(g()), [x for x in g()])
