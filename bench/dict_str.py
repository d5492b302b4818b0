def run(n):
    d = {}
    keys = ["key_" + str(i % 5000) for i in range(n)]
    for i, k in enumerate(keys):
        d[k] = d.get(k, 0) + i
    total = 0
    for k in keys:
        if k in d:
            total += d[k] % 97
    inv = {}
    for k, v in d.items():
        inv.setdefault(v % 100, []).append(k)
    words = {}
    for i in range(n // 2):
        w = "w" + str(i % 3000) + "_" + str(i % 7)
        words[w] = words.get(w, 0) + 1
    return len(d), total, len(inv), len(words), sum(words.values())

print(run(1000000))
