def check(age):
    if not isinstance(age, int):
        raise TypeError(f"age must be int, not {type(age).__name__}")
    if age < 0:
        raise ValueError("age must be >= 0")
    return age
for a in [5, -1, "x", 2.5]:
    try:
        print(check(a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print("as RuntimeError:", repr(e))
