for v in ["abc", [1, 2], (1,), {"a": 1}, {1, 2, 3}, range(10), b"xy", bytearray(3), frozenset()]:
    print(type(v).__name__, len(v))
print(type(1).__name__, type(1.0).__name__, type("s").__name__, type(None).__name__, type(print).__name__, type(len).__name__)
print(type(lambda: 0).__name__, type(type).__name__, type(int).__name__, type(x for x in []).__name__)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
