d = {"a": None}
print(d.get("a", "x"), d.get("b", "x"), "a" in d, d.get("a") is None)
print(d.setdefault("b"), d)
print({}.get(1, [])+[1])
d2 = dict.fromkeys(["x", "y"], 0)
d2["x"] += 1
print(d2)
