for obj in [5, "s", None, [1], (1,), {"a": 1}, 2.5]:
    try:
        obj()
    except TypeError as e:
        print(e)
