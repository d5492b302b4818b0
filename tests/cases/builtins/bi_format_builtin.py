print(format(1234567.891, ",.2f"), format(0.1, ".20f"), format(-7, "05d"), format(7, "+05d"))
print(format("abc", "^9"), format("abc", "*<6"), format(3, "b"), format(10 ** 20, "e"))
print(format(True, ""), format(None), format([1, 2]), format(1.0), format(1e100))
try:
    format("x", "d")
except ValueError as e:
    print(type(e).__name__, e)
