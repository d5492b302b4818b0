def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi)
r = minmax("hello")
print(r, type(r).__name__)
def divide(a, b):
    return a // b, a % b
for a, b in [(17, 5), (100, 7)]:
    q, rem = divide(a, b)
    print(a, b, q, rem)
