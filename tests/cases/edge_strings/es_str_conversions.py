print(str(1.0), str(1e16), str(1e-5), str(0.1 + 0.2), str(-0.0), str(1e22), str(123456789012345678.0))
print(int("  42  "), int("-0"), int("1_000"), int("ff", 16), int("0x1f", 0), int("0b101", 0), int("z", 36))
print(float("  1.5 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"), float("1e3"))
for bad in ["", "1.5", "1__0", "_1", "0x", "abc", "١٢"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print(e)
for bad in ["", "1e", "x", "1.2.3"]:
    try:
        print(float(bad))
    except ValueError as e:
        print(e)
print(str(b"ab"), str([1, "a"]), str((1,)), str({}), str(set()), str(frozenset()), str(None))
print(chr(233), ord("é"), chr(0x1F600) == "\U0001F600", ord("\n"))
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
