d = dict(a=1, b=2)
print(d.setdefault("c", []), d, d.setdefault("a", 99))
print(d.pop("a"), d.pop("zz", "dflt"), d.popitem(), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, list(d.keys()), list(d.values()), len(d))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(zip("ab", [1, 2])), dict([(1, 2)], k=3))
e = {"a": 1} | {"b": 2}
e |= {"a": 5}
print(e, e.get("q"), e.get("a", 0), "a" in e, 1 in e, e.copy() == e, e.copy() is e)
k = e.keys()
e["new"] = 1
print(k, len(k), "new" in k, k & {"a", "zz"}, sorted(k | {"q"}), sorted(k - {"a"}))
print(e.items() & {("a", 5)}, ("a", 5) in e.items(), list(reversed(e)), list(reversed(e.values())))
del e["a"]
print(e, {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, dict() == {}, {"a": [1]} == {"a": [1]})
try:
    {} < {}
except TypeError as e2:
    print(e2)
try:
    {[1]: 2}
except TypeError as e2:
    print(e2)
try:
    d = {}
    d[{}] = 1
except TypeError as e2:
    print(e2)
print(repr({1: {2: {3: {}}}}), {(1, 2): "t", None: 0, 1.5: "f", True: "b"})
