f = frozenset([3, 1, 2, 3])
print(f, len(f), 1 in f, f | {9}, f & {1, 9})
print(frozenset(), frozenset("aa") == frozenset({"a"}))
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})])
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print({frozenset({1}), frozenset({1})} == {frozenset({1})})
print(type(f | {1}).__name__, type({1} | f).__name__)
