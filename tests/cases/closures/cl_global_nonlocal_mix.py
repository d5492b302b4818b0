g = 1
def f():
    g = 2
    def h():
        global g
        g = 3
    h()
    return g
print(f(), g)
def f2():
    v = 1
    def h():
        nonlocal v
        v = 2
        def k():
            nonlocal v
            v += 10
        k()
    h()
    return v
print(f2())
