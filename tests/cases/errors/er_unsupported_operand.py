pairs = [(1, "a"), ("a", 1), ([], 1), (None, 1), (1.5, []), ({}, {}), ((1,), [1]), (b"x", "x")]
for a, b in pairs:
    try:
        a + b
    except TypeError as e:
        print(e)
for op in [lambda: 1 - "a", lambda: "a" / 2, lambda: [] * [], lambda: {} % 1, lambda: None < 1, lambda: 2 ** None, lambda: "a" @ "b"]:
    try:
        op()
    except TypeError as e:
        print(e)
