def a():
    raise KeyError("a")
def b():
    try:
        a()
    except KeyError:
        raise ValueError("b")
def c():
    try:
        b()
    except ValueError:
        raise TypeError("c")
try:
    c()
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(" <- ".join(chain))
