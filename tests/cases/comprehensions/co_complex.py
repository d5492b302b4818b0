words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
by_len = {n: [w for w in words if len(w) == n] for n in sorted({len(w) for w in words})}
print(by_len)
letters = sorted({c for w in words for c in w})
print("".join(letters))
pos = {w: [i for i, c in enumerate(w) if c == "a"] for w in words}
print(pos)
pairs = [(a, b) for a in words for b in words if a < b and a[0] == b[0]]
print(pairs)
print([[i] * i for i in range(4)])
