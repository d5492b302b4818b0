d = {"a": 1}
for f in [lambda: d["b"], lambda: d.pop("zz"), lambda: {}.popitem(), lambda: d[[1]], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(d["missing"])
