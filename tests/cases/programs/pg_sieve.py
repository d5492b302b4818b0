def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [i for i, p in enumerate(is_p) if p]

primes = sieve(2000)
print(len(primes), primes[:15], primes[-5:])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(len(twins), twins[:6])

def factorize(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out

for n in [360, 97, 1001, 65536, 999999, 123456]:
    f = factorize(n)
    counts = {}
    for p in f:
        counts[p] = counts.get(p, 0) + 1
    print(n, "=", " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in counts.items()))
goldbach = {n: next((p, n - p) for p in primes if n - p in set(primes)) for n in range(4, 40, 2)}
print(goldbach)
