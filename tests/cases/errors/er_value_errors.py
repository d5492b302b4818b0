for f in [lambda: int("x"), lambda: int("1.5"), lambda: float("abc"), lambda: [1].index(2), lambda: "a".index("b"), lambda: int("12", 2), lambda: chr(-5), lambda: range(1, 2, 0), lambda: "".join([]).split(""), lambda: [].remove(1)]:
    try:
        f()
    except ValueError as e:
        print(e)
