def require_positive(f):
    def w(x):
        if x <= 0:
            raise ValueError(f"{f.__name__} needs positive, got {x}")
        return f(x)
    w.__name__ = f.__name__
    return w
@require_positive
def sqrt_int(x):
    r = 0
    while (r + 1) * (r + 1) <= x:
        r += 1
    return r
print(sqrt_int(50))
try:
    sqrt_int(-4)
except ValueError as e:
    print(e)
sqrt_int(0)
