a = [1, 2, 3]
for f in [lambda: a[3], lambda: a[-4], lambda: a.index(9), lambda: a.remove(9), lambda: [].pop(), lambda: a.pop(10), lambda: a + (1,), lambda: a["x"], lambda: a * 1.5]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
a[5] = 1
