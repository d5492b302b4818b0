for s in ["a", "abc", "abcdef"]:
    print("[" + s.center(7) + "]", "[" + s.ljust(5, ".") + "]", "[" + s.rjust(5, "*") + "]", "[" + s.center(6, "-") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "x\ty".expandtabs(1))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
