def counter(start=0, step=1):
    n = start
    def nxt():
        nonlocal n
        cur = n
        n += step
        return cur
    return nxt
a = counter()
b = counter(10, 5)
print([a() for _ in range(4)], [b() for _ in range(3)], a())
