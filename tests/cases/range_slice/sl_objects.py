s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
a = list(range(10))
print(a[s], "abcdefghij"[s], tuple(a)[s])
print(slice(3), slice(None, None, -1), a[slice(None, None, -1)])
print(s.indices(5), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
a[slice(0, 2)] = ["x"]
print(a)
print(slice(1, 2) == slice(1, 2))
