for f in [lambda: [][0], lambda: [1, 2][2], lambda: (1,)[5], lambda: "abc"[3], lambda: range(2)[2], lambda: [1].pop(3), lambda: b"a"[1]]:
    try:
        f()
    except IndexError as e:
        print(e)
try:
    l = [1]
    l[1] = 2
except IndexError as e:
    print(e)
try:
    [1, 2]["x"]
except TypeError as e:
    print(e)
try:
    idx = 1.0; [1, 2][idx]
except TypeError as e:
    print(e)
