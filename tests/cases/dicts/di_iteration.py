d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, end=" ")
print()
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
print(sorted(d, key=d.get), sorted(d.items(), key=lambda kv: kv[0]))
print(sum(d.values()), max(d.values()), list(zip(d, d.values())))
total = 0
for v in d.values():
    total += v
print(total)
