MAZE = """\
##########
#S.....#.#
#.##.#.#.#
#.#..#...#
#.#.####.#
#...#..#.#
###.#.##.#
#.....#..#
#.###...E#
##########"""
grid = [list(r) for r in MAZE.split("\n")]
H, W = len(grid), len(grid[0])
start = end = None
for y in range(H):
    for x in range(W):
        if grid[y][x] == "S":
            start = (y, x)
        elif grid[y][x] == "E":
            end = (y, x)
prev = {start: None}
frontier = [start]
while frontier:
    nxt = []
    for (y, x) in frontier:
        for dy, dx in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            ny, nx = y + dy, x + dx
            if grid[ny][nx] != "#" and (ny, nx) not in prev:
                prev[(ny, nx)] = (y, x)
                nxt.append((ny, nx))
    frontier = nxt
path = []
cur = end
while cur:
    path.append(cur)
    cur = prev[cur]
path.reverse()
print("steps:", len(path) - 1, "explored:", len(prev))
for (y, x) in path[1:-1]:
    grid[y][x] = "*"
print("\n".join("".join(r) for r in grid))
