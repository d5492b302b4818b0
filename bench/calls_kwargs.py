def area(width, height=1, *, scale=1, offset=0):
    return width * height * scale + offset

def combine(a, b, c=0, d=0):
    return a + 2 * b + 3 * c + 4 * d

def run(n):
    acc = 0
    for i in range(n):
        acc += area(i, height=2, scale=3)
        acc += area(width=i, offset=1)
        acc += combine(i, b=1, d=i)
        acc += combine(1, 2, 3)
        acc %= 1000000007
    return acc

print(run(900000))
