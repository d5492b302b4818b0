data = [3, 7, 7, 2, 9, 4, 7, 1, 3, 8, 8, 6, 5, 7, 2, 9, 9, 1, 4, 6, 7, 3]
counts = {}
for x in data:
    counts[x] = counts.get(x, 0) + 1
peak = max(counts.values())
for level in range(peak, 0, -1):
    print("".join(" # " if counts.get(v, 0) >= level else "   " for v in range(1, 10)))
print("".join(f" {v} " for v in range(1, 10)))
mean = sum(data) / len(data)
mode = max(sorted(counts), key=lambda v: counts[v])
s = sorted(data)
median = (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
print(f"n={len(data)} mean={mean:.3f} median={median} mode={mode}")
buckets = {}
for x in data:
    b = (x - 1) // 3
    buckets.setdefault(b, []).append(x)
for b in sorted(buckets):
    print(f"{b * 3 + 1}-{b * 3 + 3}: {sorted(buckets[b])}")
