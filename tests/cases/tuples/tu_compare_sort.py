pts = [(3, 4), (1, 2), (3, 1), (0, 9)]
print(sorted(pts), min(pts), max(pts), sorted(pts, key=lambda p: p[1]))
print((1, 2) < (1, 2, 3), (2,) > (1, 99), (1, "a") == (1, "a"))
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(1, 0)], (0, 0) in d)
print(tuple(sorted((3, 1, 2))))
