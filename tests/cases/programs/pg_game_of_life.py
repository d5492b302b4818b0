def step(cells, w, h):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = ((x + dx) % w, (y + dy) % h)
                    counts[p] = counts.get(p, 0) + 1
    for p, c in counts.items():
        if c == 3 or (c == 2 and p in cells):
            new.add(p)
    return new

def render(cells, w, h):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))

W, H = 10, 8
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(7, 5), (7, 6), (7, 4)}
cells = glider | blinker
for gen in range(5):
    print(f"gen {gen}: {len(cells)} alive")
    print(render(cells, W, H))
    cells = step(cells, W, H)
for _ in range(30):
    cells = step(cells, W, H)
print(sorted(cells))
