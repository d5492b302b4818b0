def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, (2, [3, (4,)]), [[[[5]]]], []]))
def nest(n):
    return [] if n == 0 else [nest(n - 1)]
print(nest(5), len(str(nest(100))))
def depth(x):
    return 1 + max((depth(i) for i in x), default=0) if isinstance(x, list) else 0
print(depth(nest(50)))
