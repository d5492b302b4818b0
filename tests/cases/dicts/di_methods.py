d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0))
print(d.setdefault("x", 100), d.setdefault("w", 5), d)
print(d.pop("y"), d.pop("nope", "dflt"), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d)
c = d.copy(); c["new"] = 0
print(d, c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear(); print(d)
