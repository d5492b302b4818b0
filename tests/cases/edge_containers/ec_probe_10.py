d = {3: "c", 1: "a", 2: "b"}
print(sorted(d.items(), key=lambda kv: kv[1]), min(d, key=d.get), max(d.values()), list(d)[::-1])
