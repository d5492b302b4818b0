print({1, 2} == frozenset({1, 2}), set() == frozenset(), {1} != {1.0})
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 2, 3} > {1}, {1} >= {2})
print(set("abc") == set("cba"), set() == {}, len({}), type({}).__name__)
print(set([1, 2]).issubset([1, 2, 3]), {1}.isdisjoint([2, 3]))
