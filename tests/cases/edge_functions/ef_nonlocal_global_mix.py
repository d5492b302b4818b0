x = 0
def a():
    x = 1
    def b():
        global x
        x = 2
        def c():
            return x
        return c()
    r = b()
    return r, x
print(a(), x)
def make_acc(start):
    total = start
    def add(v):
        nonlocal total
        total += v
        return total
    return add
acc = make_acc(10)
print(acc(5), acc(-3), make_acc(0)(1))
def counter_gen():
    count = 0
    def tick():
        nonlocal count
        count += 1
        yield count
    return tick
t = counter_gen()
print(next(t()), next(t()), list(t()))
