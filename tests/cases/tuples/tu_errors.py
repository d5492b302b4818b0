t = (1, 2)
for f in [lambda: t[2], lambda: t.index(5), lambda: t + [3], lambda: tuple(5), lambda: t[1.0]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(t[-2])
t[0] = 9
