print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007))
print(pow(7, -1, 13), pow(2, 0, 5), pow(0, 0, 1))
print(pow(-3, 3), pow(-3, 3, 7), pow(2, -2))
print(pow(12345678901234567890, 3, 10 ** 9 + 7))
print(2 ** -1, 10 ** -3)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
