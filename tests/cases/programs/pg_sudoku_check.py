BOARD = [
    "534678912", "672195348", "198342567",
    "859761423", "426853791", "713924856",
    "961537284", "287419635", "345286179",
]
def rows(b):
    return [[int(c) for c in r] for r in b]
def check(grid):
    problems = []
    for i in range(9):
        row = grid[i]
        col = [grid[r][i] for r in range(9)]
        box = [grid[3 * (i // 3) + r][3 * (i % 3) + c] for r in range(3) for c in range(3)]
        for name, group in (("row", row), ("col", col), ("box", box)):
            if sorted(group) != list(range(1, 10)):
                problems.append((name, i))
    return problems
g = rows(BOARD)
print(check(g))
g[0][0], g[0][1] = g[0][1], g[0][0]
print(check(g))
def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[br + i][bc + j] for i in range(3) for j in range(3)}
    return sorted(set(range(1, 10)) - used)
g = rows(BOARD)
for (r, c) in [(0, 0), (4, 4), (8, 8)]:
    g[r][c] = 0
print([candidates(g, r, c) for (r, c) in [(0, 0), (4, 4), (8, 8)]])
