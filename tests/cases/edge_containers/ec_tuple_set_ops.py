t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t[::-1], t.count(2), t.index(3), 2 in t, (1,) < (1, 0), () == ())
print((1, 2) == [1, 2], hash((1, 2)) == hash((1, 2)), len(((),)), tuple("ab"), tuple(range(3)))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    hash(([],))
except TypeError as e:
    print(e)
s = {3, 1, 2}
print(s | {4}, s & {1, 9}, s - {1}, s ^ {1, 9}, s <= {1, 2, 3}, s < {1, 2, 3}, {1} < s, s.isdisjoint({7}))
s.add(5); s.discard(99); s.remove(5)
print(s, sorted(s), s.union([7], (8,)), s.intersection(range(3)), s.difference({1}), s.symmetric_difference([3, 4]))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
f = frozenset([1, 2])
print(f, f | {3}, type(f | {3}).__name__, type({3} | f).__name__, {f: 1}, f == {1, 2})
s2 = {1, 2}
s2 |= {3}; s2 &= {2, 3, 4}; s2 -= {3}; s2 ^= {7}
print(sorted(s2), {1, 1.0, True}, {0, False, 0.0}, set() == frozenset())
print({x % 3 for x in range(10)}, set("aab") == {"a", "b"}, len({(1, 2), (1, 2)}))
e = set()
try:
    e.pop()
except KeyError as ex:
    print(ex)
