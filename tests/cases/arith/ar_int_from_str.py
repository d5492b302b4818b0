print(int("42"), int("-17"), int("  99  "), int("+5"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0x1F", 16), int("0b11", 2), int("0o7", 8), int("10", 0))
print(int(3.9), int(-3.9), int(True), int(1e20))
print(int("123456789012345678901234567890"))
for bad in ["", "abc", "1.5", "0x10", " ", "1 2", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("9", 8)
except ValueError as e:
    print(type(e).__name__, e)
