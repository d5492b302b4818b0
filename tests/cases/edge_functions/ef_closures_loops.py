funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])
funcs = []
for i in range(3):
    def mk(i=i):
        return lambda: i
    funcs.append(mk())
print([f() for f in funcs])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc())
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
            return x
        return inner
    r = mid()()
    return r, x
print(outer())
def late():
    fs = [lambda: v for v in range(3)]
    v = 100
    return [f() for f in fs]
print(late())
def shadow():
    x = "outer"
    def g():
        x = "inner"
        return x
    return g(), x
print(shadow())
gcount = 0
def bump():
    global gcount
    gcount += 1
bump(); bump()
print(gcount)
