d = {1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs", b"b": "bytes"}
print(d)
print(d[1], d[(1, 2)], d[None], d[frozenset({1})], d[b"b"])
d2 = {0: "a"}
d2[0.0] = "b"
d2[False] = "c"
print(d2)
print({-1: 1, -2: 2}[-2], {2 ** 100: "big"}[2 ** 100])
