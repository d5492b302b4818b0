for f in [lambda: 1 + "a", lambda: "a" - 1, lambda: [1] * 2.0, lambda: 2 ** "x", lambda: 5 // None, lambda: -"s", lambda: ~1.5, lambda: 1 << 2.0, lambda: 1.5 & 1]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
