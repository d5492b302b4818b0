def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def windows(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == k:
            yield sum(buf)
            buf.pop(0)

def run(n):
    total = 0
    for v in windows(squares(evens(numbers(n))), 3):
        total = (total + v) % 1000000007
    g = sum(x for x in numbers(n // 2) if x % 3)
    return total, g

print(run(3000000))
