log = []
def logged(level):
    def deco(f):
        def w(*args, **kwargs):
            log.append(f"{level}:{f.__name__}:{args}:{sorted(kwargs.items())}")
            try:
                return f(*args, **kwargs)
            finally:
                log.append(f"{level}:{f.__name__}:done")
        return w
    return deco
@logged("INFO")
def compute(a, b=1, *, scale=1):
    return (a + b) * scale
print(compute(1), compute(2, 3, scale=10))
print("\n".join(log))
