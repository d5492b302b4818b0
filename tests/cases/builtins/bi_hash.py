print(hash(1), hash(0), hash(-1) == hash(-2), hash(True), hash(1.0), hash(2 ** 10))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash("abc") == hash("abc"), hash(1.5) == hash(1.5), hash(3) == hash(3.0))
for bad in [[1], {1: 2}, {1}, ([1],)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
