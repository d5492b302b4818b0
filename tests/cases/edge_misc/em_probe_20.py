d = {}
d["a"] = d.get("a", 0) + 1
x = d["b"] = 5
print(d, x)
