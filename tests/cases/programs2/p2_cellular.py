def rule(n):
    table = {}
    for i in range(8):
        pat = tuple(int(b) for b in f"{i:03b}")
        table[pat] = (n >> i) & 1
    return table
def step(cells, table):
    padded = [0] + cells + [0]
    return [table[tuple(padded[i - 1:i + 2])] for i in range(1, len(padded) - 1)]
for r in (30, 90):
    t = rule(r)
    cells = [0] * 15 + [1] + [0] * 15
    print(f"rule {r}")
    for _ in range(8):
        print("".join("#" if c else "." for c in cells))
        cells = step(cells, t)
grid = ["....#", ".##..", "#..#.", "..##.", "#...."]
def neighbors(g, r, c):
    return sum(g[(r + dr) % len(g)][(c + dc) % len(g[0])] == "#" for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
def life(g):
    return ["".join("#" if (ch == "#" and neighbors(g, r, c) in (2, 3)) or (ch == "." and neighbors(g, r, c) == 3) else "." for c, ch in enumerate(row)) for r, row in enumerate(g)]
for gen in range(3):
    print(gen, grid)
    grid = life(grid)
