print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset())
print(int("7"), int(7.9), int(-0.5), float("1.5"), float(2), str(3.0), str(b"x"), bool("False"), bool(""))
print(list("ab"), tuple([1]), dict([(1, 2)]), set("aab") == {"a", "b"}, frozenset([1, 1]))
print(int(" 42\n"), float(" 1e2 "), int("-0"), float("-0"))
print(str([1, "a"]), str({"a": (1,)}), bool([0]), bool(0j))
for bad in [lambda: int([]), lambda: float([]), lambda: int("4.5"), lambda: float("x"), lambda: int(None), lambda: list(1), lambda: dict(1), lambda: int("1", 1), lambda: tuple(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
