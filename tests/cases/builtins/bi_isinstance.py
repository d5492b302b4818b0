print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance(1, (str, int)), isinstance("s", (list, tuple)))
print(isinstance([], list), isinstance({}, dict), isinstance(None, type(None)), isinstance(1, float))
print(issubclass(bool, int), issubclass(int, object), issubclass(str, (int, str)), issubclass(list, tuple))
print(type(1) is int, type(True) is bool, type(True) == int, type([]) in (list, tuple))
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
