def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def fib_big(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out

total = 0
for n in range(200, 1500, 50):
    f = factorial(n)
    s = str(f)
    total += len(s) + sum(int(c) for c in s) + f % 1000000007
print(total)
g = fib_big(30000)
print(g.bit_length(), g % 998244353, len(str(fib_big(15000))))
d = pi_digits(2000)
print("".join(map(str, d[:30])), sum(d))
print(pow(3, 100000, 10 ** 40 + 7), (2 ** 8000 - 1) // (3 ** 1000) % 1000000)
