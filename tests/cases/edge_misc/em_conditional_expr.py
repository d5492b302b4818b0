def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(v) for v in (-2, 0, 3)])
print(0 or "default", "" or [] or None, 1 and 2 and 3, 1 and 0 and 3, None and 1, [] or {})
x = None
y = x or []
y.append(1)
print(x, y)
print(not 0, not [], not "a", not not None)
vals = [0, 1, "", "x", None, [], [0]]
print([bool(v) for v in vals], [v for v in vals if v], sum(1 for v in vals if not v))
def side(v, log):
    log.append(v)
    return v
log = []
r = side(0, log) or side("", log) or side("hit", log) or side("never", log)
print(r, log)
log = []
r = side(1, log) and side([], log) and side("never", log)
print(r, log)
