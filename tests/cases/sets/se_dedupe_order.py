items = [5, 3, 5, 1, 3, 9, 1]
seen = set()
uniq = []
for x in items:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, sorted(seen), len(seen))
print(list(dict.fromkeys(["b", "a", "b", "c", "a"])))
a = set(range(0, 30, 3))
b = set(range(0, 30, 5))
print(sorted(a & b), sorted(a - b)[:4], len(a | b), len(a ^ b))
print(a.isdisjoint(b), {15}.issubset(a & b))
