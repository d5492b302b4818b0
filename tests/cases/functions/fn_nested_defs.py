def outer(n):
    def inner(k):
        return k * n
    def helper():
        return [inner(i) for i in range(n)]
    return helper()
print(outer(3), outer(0))
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
