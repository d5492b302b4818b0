print(hash(1) == hash(1.0), hash(0) == hash(False), hash((1, 2)) == hash((1, 2)))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {1, 1.0, True}
print(s, len(s))
print({0, 0.0, False, -0.0})
print({(1, 2): "t"}[(1, 2)])
