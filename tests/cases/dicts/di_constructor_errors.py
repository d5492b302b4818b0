for args in [(5,), ([1, 2],), ("ab",), ([("a", 1), ("b",)],)]:
    try:
        print(dict(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(dict([("ab", 1), "cd"]))
print(dict(a=1, **{"b": 2}))
