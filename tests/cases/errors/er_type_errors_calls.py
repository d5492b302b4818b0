for f in [lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: int("1", "2"), lambda: "a".upper(1), lambda: [].append(), lambda: {}.get(), lambda: sorted(), lambda: isinstance(1), lambda: "x".join("a", "b")]:
    try:
        f()
    except TypeError as e:
        print(e)
