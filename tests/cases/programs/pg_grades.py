students = {
    "alice": [88, 92, 79, 95],
    "bob": [72, 65, 80],
    "carol": [95, 98, 100, 91, 97],
    "dan": [],
    "erin": [55, 61, 58],
}
def letter(avg):
    for cutoff, g in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if avg >= cutoff:
            return g
    return "F"
def stats(scores):
    if not scores:
        return None
    s = sorted(scores)
    n = len(s)
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    mean = sum(s) / n
    var = sum((x - mean) ** 2 for x in s) / n
    return {"mean": mean, "median": med, "min": s[0], "max": s[-1], "std": var ** 0.5}
report = []
for name, scores in students.items():
    st = stats(scores)
    if st is None:
        print(f"{name:<6} no scores")
        continue
    g = letter(st["mean"])
    report.append((name, st["mean"], g))
    print(f"{name:<6} mean={st['mean']:6.2f} median={st['median']:5} range={st['min']}-{st['max']} std={st['std']:.3f} grade={g}")
report.sort(key=lambda r: -r[1])
print("ranking:", [r[0] for r in report])
dist = {}
for _, _, g in report:
    dist[g] = dist.get(g, 0) + 1
print(dict(sorted(dist.items())))
