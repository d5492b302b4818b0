s = "abc"
print(s.center(8, "-"), s.rjust(2), s.ljust(6, "."), "x".center(4), "ab".center(5, "*"))
