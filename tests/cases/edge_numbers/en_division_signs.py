for x in (7, -7):
    for y in (2, -2):
        print(x, y, x // y, x % y, divmod(x, y), x / y, float(x) // y, float(x) % y, int(x / y))
print(5 % 3.0, -5 % 3.0, 5.5 % -2, -5.5 % 2, 0 % 5, 0.0 % -5)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    for op in ("//", "%", "/", "divmod"):
        try:
            if op == "//": a // b
            elif op == "%": a % b
            elif op == "/": a / b
            else: divmod(a, b)
        except ZeroDivisionError as e:
            print(a, op, b, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
print((-8) ** (1 / 3) == (-8) ** (1 / 3), (-1) ** 0.5 == 1j ** 1, pow(2, 0.5), 10 ** -2, 2 ** -1)
