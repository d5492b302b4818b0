def run(n):
    pts = [(i % 100, (i * 7) % 100, i) for i in range(n)]
    best = (0, 0, 0)
    acc = 0
    for x, y, i in pts:
        a, b = x + y, x - y
        if a > best[0]:
            best = (a, b, i)
        acc += a * b
        x, y = y, x
        acc -= x
    grouped = {}
    for x, y, i in pts[: n // 4]:
        grouped.setdefault((x // 10, y // 10), []).append(i)
    return best, acc, len(grouped), max(len(v) for v in grouped.values())

print(run(1300000))
