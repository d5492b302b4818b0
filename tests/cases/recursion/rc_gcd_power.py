def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
def fast_pow(b, e):
    if e == 0:
        return 1
    h = fast_pow(b, e // 2)
    return h * h * (b if e % 2 else 1)
def binsearch(xs, t, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == t:
        return mid
    if xs[mid] < t:
        return binsearch(xs, t, mid + 1, hi)
    return binsearch(xs, t, lo, mid - 1)
print(gcd(1071, 462), fast_pow(3, 100), fast_pow(2, 0))
xs = list(range(0, 200, 3))
print(binsearch(xs, 99, 0, len(xs) - 1), binsearch(xs, 100, 0, len(xs) - 1))
