print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(round(3.14159, 2), round(-0.5), round(2.5), round(15, -1), round(25, -1))
print(divmod(9, 4), divmod(-9, 4), divmod(9.5, 2), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, 8, 10), pow(2.0, 3), pow(4, 0.5))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
