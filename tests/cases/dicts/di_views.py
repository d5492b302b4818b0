d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["d"] = 4
print(len(k), list(v), ("d", 4) in it, "a" in k, 3 in v)
print(k & {"a", "z"} == {"a"}, sorted(k | {"q"}), sorted(k - {"a"}))
for key, val in d.items():
    print(key, val)
