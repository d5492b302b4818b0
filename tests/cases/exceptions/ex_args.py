e = ValueError("msg", 42)
print(e.args, str(e), repr(e))
e2 = KeyError("k")
print(e2.args, str(e2), repr(e2))
e3 = Exception()
print(e3.args, repr(str(e3)), repr(e3))
e4 = RuntimeError("single")
print(str(e4), repr(e4))
print(str(KeyError()), repr(IndexError("i")), str(OSError("x")))
print(repr(ZeroDivisionError("division by zero")))
try:
    raise ValueError
except ValueError as ex:
    print(repr(ex), ex.args)
