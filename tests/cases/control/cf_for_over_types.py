for x in (1, 2):
    print("tuple", x)
for k in {"b": 1, "a": 2}:
    print("dict key", k)
for k, v in {"x": 1}.items():
    print("item", k, v)
for c in "hi":
    print("char", c)
for b in b"AB":
    print("byte", b)
for n in sorted({3, 1, 2}):
    print("set", n)
for i, (a, b) in enumerate(zip("xy", [10, 20])):
    print(i, a, b)
for line in "a\nb\n".splitlines():
    print("line", line)
