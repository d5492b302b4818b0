try:
    raise ValueError("v", 1)
except ValueError as e:
    print(e.args[0], e.args[1], len(e.args))
    e.args = ("changed",)
    print(e, e.args)
e = KeyError("missing")
print(e.args[0], str(e))
e = StopIteration(42)
print(e.value, e.args)
e = SystemExit(3)
print(e.code)
print(type(ValueError("x")).__name__, ValueError.__name__, isinstance(ValueError("x"), Exception))
