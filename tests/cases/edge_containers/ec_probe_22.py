data = ["b:2", "a:1", "c:3", "a:5"]
agg = {}
for k, v in (s.split(":") for s in data):
    agg[k] = agg.get(k, 0) + int(v)
print(sorted(agg.items()), {k: agg[k] for k in sorted(agg, key=agg.get, reverse=True)})
