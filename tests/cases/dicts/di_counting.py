text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:2]
print(top)
print(max(counts, key=counts.get), min(counts.values()))
