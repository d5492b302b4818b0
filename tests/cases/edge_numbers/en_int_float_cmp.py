big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, big == 2 ** 53 + 1.0)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 < float("inf"))
print(1 == 1.0, 1 is not 1.0, hash(1) == hash(1.0), {1: "a", 1.0: "b"}, {1.0: "b", 1: "a"}, {True: 1, 1: 2})
print(0.1 + 0.2 == 0.3, 3 * 0.1, 1.1 * 3, 0.1 * 3 == 0.3, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], nan in [nan], (nan,) == (nan,))
print(max(1, 2.0), max(2.0, 2), max(2, 2.0), min([3, 1.0, 1]), sorted([2, 1.5, True, 0.0, False]))
print(int(1e20), int(-1.5e19), int(2.0 ** 70), float(10 ** 30), float(2 ** 1023) * 1)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
print(10 ** 400 / 10 ** 399, 2 ** 100 / 2 ** 99, (2 ** 100) // 3.0, 7 // 2.0, 7 % 2.5, -7 % 2.5, 7.5 // -2)
