records = [{"n": "a", "v": 3}, {"n": "b", "v": -1}, {"n": "c", "v": 0}, {"n": "d", "v": 8}]
print([r["n"] for r in records if r["v"] > 0])
print({r["n"]: r["v"] ** 2 for r in records})
print(sorted({r["v"] % 3 for r in records}))
print(sum(r["v"] for r in records if r["v"]), max((r["v"], r["n"]) for r in records))
print([[c for c in w if c not in "aeiou"] for w in ["banana", "kiwi"]])
print(["even" if i % 2 == 0 else "odd" for i in range(4)])
print([x for x in [y * 2 for y in range(5)] if x > 4])
