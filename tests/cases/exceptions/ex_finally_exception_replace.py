def f():
    try:
        raise ValueError("first")
    finally:
        return "finally swallowed it"
print(f())
try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except KeyError as e:
    print(repr(e), repr(e.__context__))
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(g())
