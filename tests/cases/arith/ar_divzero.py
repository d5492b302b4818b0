for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 5 % 0.0, lambda: divmod(1, 0), lambda: 0 ** -1]:
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(10 / 2)
x = 1 / 0
