s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
l = list(range(10))
print(l[s], l[slice(3)], "abcdef"[slice(1, None)], (1, 2, 3)[slice(None, None, -2)])
print(slice(1, 2) == slice(1, 2), repr(slice(None, "a")))
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1], g[1:2], g[::3], g[1, 2], g[1:2, ::-1], g[...], g["x"])
