d = {}
d.setdefault("a", []).append(1)
print(d, {**d, "b": 2}, dict(d, c=3), d | {"a": 0})
