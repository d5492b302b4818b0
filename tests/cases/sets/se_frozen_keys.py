edges = {frozenset((1, 2)), frozenset((2, 1)), frozenset((2, 3))}
print(len(edges), frozenset((1, 2)) in edges)
adj = {}
for e in edges:
    a, b = sorted(e)
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
print(sorted((k, sorted(v)) for k, v in adj.items()))
fs = frozenset(range(5))
print(sorted(fs - {0}), fs.union([9]) == frozenset({0, 1, 2, 3, 4, 9}), hash(fs) == hash(frozenset(range(5))))
