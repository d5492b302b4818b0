x = "global"
def a():
    return x
def b():
    x = "local"
    return a()
print(b())
def c():
    x = "enclosing"
    def d():
        return x
    x = "enclosing-updated"
    return d()
print(c())
def e():
    print([x for _ in range(1)])
    y = [x for x in "ab"]
    return y, x
print(e())
