for f in [lambda: 1 < "a", lambda: [1] < (1,), lambda: None > None, lambda: {1: 2} < {1: 3}, lambda: "a" >= 1.0, lambda: [1, "x"] < [1, 2]]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(1 == "1", None == 0, [] == ())
x = {1} < [1]
