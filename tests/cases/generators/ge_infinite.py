def naturals():
    n = 1
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, naturals()))
def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
ps = primes()
print([next(ps) for _ in range(15)])
for sq in (n * n for n in naturals()):
    if sq > 200:
        print("first square over 200:", sq)
        break
