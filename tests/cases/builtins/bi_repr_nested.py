data = {"list": [1, 2.5, "three", None], "tuple": (True, False), "nested": {"a": [{}, []]}, "str": "q'uote", "set": sorted({3, 1})}
print(data)
print(repr(data) == str(data))
print(repr("x"), str("x"), repr(1.0), repr([1.0, -0.0]), repr((1,)), repr(()))
print(repr([None, ..., NotImplemented]))
print([["a"], ("b",), {"c": ("d",)}])
