def digits_of_e(n):
    # e = sum 1/k!, computed with scaled integers
    scale = 10 ** (n + 5)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[: n + 1]
print(digits_of_e(60))
def pi_digits(n):
    # Machin formula with integers
    def arctan_inv(x, scale):
        total = term = scale // x
        x2 = x * x
        k = 1
        sign = -1
        while term:
            term //= x2
            total += sign * (term // (2 * k + 1))
            sign = -sign
            k += 1
        return total
    scale = 10 ** (n + 10)
    pi = 4 * (4 * arctan_inv(5, scale) - arctan_inv(239, scale))
    return str(pi)[: n + 1]
print(pi_digits(80))
def binom(n, k):
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r
print(binom(100, 50), binom(60, 3))
catalan = [binom(2 * n, n) // (n + 1) for n in range(20)]
print(catalan)
print(sum(int(d) for d in str(2 ** 5000)), len(str(3 ** 3000)))
