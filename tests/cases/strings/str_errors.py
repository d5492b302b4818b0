for f in [lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: "abc"[5], lambda: "abc".index("z"), lambda: "x".foo, lambda: int("abc"), lambda: "a" < 1, lambda: ord("ab"), lambda: chr(-1), lambda: "".join([None])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
x = "abc" + 5
