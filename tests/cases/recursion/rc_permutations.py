def perms(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
ps = perms([1, 2, 3, 4])
print(len(ps), ps[:5], ps[-1])
def combos(xs, k):
    if k == 0:
        return [[]]
    if not xs:
        return []
    return [[xs[0]] + c for c in combos(xs[1:], k - 1)] + combos(xs[1:], k)
print(combos("abcd", 2), len(combos(list(range(10)), 3)))
