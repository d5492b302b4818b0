msgs = []
for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.5 / 0, lambda: 1.5 // 0, lambda: 1.5 % 0, lambda: divmod(3, 0), lambda: divmod(3.0, 0.0), lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: pow(0, -2)]:
    try:
        f()
    except ZeroDivisionError as e:
        msgs.append(str(e))
for m in msgs:
    print(m)
