sq = {x: x * x for x in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
words = ["apple", "bob", "cat", "apple", "dog"]
lens = {w: len(w) for w in words if len(w) > 2}
print(lens)
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid)
