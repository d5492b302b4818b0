def f(a, b, c, d, e, f, g, h, i, j):
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10
print(f(*range(10)), f(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
print(f(j=1, i=2, h=3, g=4, f=5, e=6, d=7, c=8, b=9, a=10))
def many(*a):
    return len(a), a[-1]
print(many(*range(1000)))
