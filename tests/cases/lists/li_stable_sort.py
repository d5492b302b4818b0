data = [(i % 3, i) for i in range(15)]
print(sorted(data, key=lambda t: t[0]))
print(sorted(data, key=lambda t: t[0], reverse=True))
names = ["b1", "a1", "b2", "a2", "c1", "a3"]
print(sorted(names, key=lambda s: s[0]))
big = [(i * 7919) % 101 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
