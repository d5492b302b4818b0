for f in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(3)[5], lambda: range(3).index(7), lambda: range("a")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
r = range(3)
r[0] = 1
