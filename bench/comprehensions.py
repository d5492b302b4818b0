def run(n):
    total = 0
    for r in range(60):
        xs = [i * r for i in range(n)]
        ys = [x % 7 for x in xs if x % 3]
        d = {i: x for i, x in enumerate(ys) if x > 2}
        s = {x % 101 for x in xs}
        nested = [[i + j for j in range(5)] for i in range(n // 50)]
        total += len(ys) + sum(d.values()) + len(s) + sum(map(sum, nested))
    return total

print(run(60000))
