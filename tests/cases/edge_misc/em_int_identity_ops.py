a = 256
b = 256
print(a == b, a + 0 == b)
c = [1, 2, 3]
d = c
print(c is d, c == c[:], c is c[:], None is None, True is True, () == ())
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2, type(s1) is type(s2), s1 is not None)
print(isinstance(1, (str, (int, float))), isinstance("x", ()), isinstance(None, type(None)))
print(issubclass(bool, (str, int)), isinstance(True, int), isinstance(1, bool))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
