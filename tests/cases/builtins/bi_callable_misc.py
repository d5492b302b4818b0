print(callable(print), callable(len), callable(lambda: 0), callable(1), callable("s"), callable(int))
print(id is not None, type(id(1)).__name__)
print(list(range(3)), bool(range(0)), repr(range(1, 5, 2)), repr(range(3)))
v = vars
print(callable(v))
print(max.__name__, len.__name__, type(max).__name__)
