def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(20)])
print(next(f))
g = fib()
print(next(g), next(f))
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")
c = countdown(3)
print("created")
for v in c:
    print(v)
print(list(c))
