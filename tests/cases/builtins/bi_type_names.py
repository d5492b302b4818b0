objs = [0, 0.0, "", b"", [], (), {}, set(), frozenset(), None, True, range(0), slice(1), iter([]), iter(()), iter(""), map(str, []), zip(), enumerate([]), reversed([]), (x for x in [])]
print([type(o).__name__ for o in objs])
print(type(iter({})).__name__, type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
print(type(1 + 1j).__name__, type(Ellipsis).__name__, type(NotImplemented).__name__)
