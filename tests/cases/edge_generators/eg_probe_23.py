def check(x):
    if not isinstance(x, int):
        raise TypeError(f"expected int, got {type(x).__name__}")
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
for v in [1, -1, "a", 2.5, None]:
    try:
        print(check(v))
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
