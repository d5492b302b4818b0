d = {}
d["a"] = 1
d["a"] += 10
d.setdefault("l", []).append(5)
print(d)
m = [[0, 0], [0, 0]]
m[1][0] = 7
m[0][1] += 3
print(m)
l = list(range(5))
l[-1] = "last"
l[1:3] = "xy"
print(l)
counts = {}
for w in "a b a c a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
nested = {"x": {"y": [1, 2]}}
nested["x"]["y"][0] *= 100
print(nested)
