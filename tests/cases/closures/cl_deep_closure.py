def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))
def chain(n):
    f = lambda: 0
    for i in range(n):
        f = (lambda g, i: lambda: g() + i)(f, i)
    return f()
print(chain(50))
