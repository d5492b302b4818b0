d = dict.fromkeys(range(5), 0)
for k in range(5): d[k] += k
print(d, {k: v for k, v in d.items() if v % 2 == 0}, sum(d.values()), any(d.values()))
