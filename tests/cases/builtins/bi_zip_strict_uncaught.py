a = [1, 2, 3]
b = ["x", "y"]
for p in zip(a, b, strict=True):
    print(p)
