def make(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out

def run():
    total = 0
    for seed in range(10):
        data = make(60000, seed)
        s = sorted(data)
        total += s[0] + s[len(s) // 2] + s[-1]
        data.sort(reverse=True)
        total += data[100]
        pairs = [(v % 1000, v) for v in data[:20000]]
        pairs.sort()
        total += pairs[0][1] + pairs[-1][1]
        words = [str(v) for v in data[:20000]]
        words.sort(key=len)
        total += len(words[0]) + len(words[-1])
    return total

print(run())
