a = [1, [2, [3, [4, [5, [6, []]]]]]]
print(a)
d = {"k": [1, (2, {"z": {3}})], "e": ((), [], {}, set(), frozenset({1}))}
print(d)
l = [1, 2]
l.append(l)
print(l)
dd = {"a": 1}
dd["self"] = dd
print(dd)
t = ([],)
t[0].append(t)
print(t)
x = []
for i in range(50):
    x = [x]
print(str(x)[:20], len(str(x)))
print([None, True, 1.0, "s", b"b", 1j, range(3), slice(1, 2)])
