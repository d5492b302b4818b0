def run(n):
    parts = []
    for i in range(n):
        s = "item-" + str(i)
        parts.append(s.upper() if i % 3 == 0 else s.replace("-", "_"))
    text = ",".join(parts)
    fields = text.split(",")
    total = 0
    for f in fields:
        if f.startswith("ITEM"):
            total += len(f)
        elif "_" in f:
            total += f.find("_") + f.count("1")
    words = " ".join(fields[:5000]).lower().split()
    caps = [w.capitalize() for w in words]
    stripped = [("  " + w + "  ").strip() for w in caps]
    fmt = ["%s:%d" % (w, len(w)) for w in stripped]
    fs = [f"{w:>12}|{i:05d}" for i, w in enumerate(stripped)]
    return total, len(text), len(fmt), fs[-1], text[1000:1020]

r = None
for _ in range(16):
    r = run(60000)
print(r)
