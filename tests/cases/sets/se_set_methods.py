s = {5, 1}
s.add(3); s.add(1); print(s)
s.update([7, 8], {9}); print(s)
s.discard(100); s.discard(7); print(s)
s.remove(8); print(s)
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
x = s.pop()
print(len(s))
c = s.copy(); c.add(-1); print(len(s), len(c))
s.clear(); print(s)
s |= {1, 2}; s &= {2, 3}; print(s)
s -= {2}; s ^= {4}; print(s)
s.intersection_update({4, 5}); s.difference_update({5}); print(s)
