raw = """region,product,units,price
north,apple,10,0.5
south,apple,5,0.55
north,pear,7,0.8
east,apple,,0.5
south,pear,3,0.75
west,kiwi,12,1.1
north,apple,4,0.5
bad line
east,pear,9,0.8"""
def parse(text):
    lines = text.splitlines()
    header = lines[0].split(",")
    rows, errors = [], []
    for n, line in enumerate(lines[1:], start=2):
        parts = line.split(",")
        if len(parts) != len(header):
            errors.append((n, "wrong field count"))
            continue
        rec = dict(zip(header, parts))
        try:
            rec["units"] = int(rec["units"])
            rec["price"] = float(rec["price"])
        except ValueError as e:
            errors.append((n, str(e)))
            continue
        rows.append(rec)
    return rows, errors
rows, errors = parse(raw)
print(len(rows), errors)
def group(rows, key):
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out
for region, rs in sorted(group(rows, "region").items()):
    revenue = sum(r["units"] * r["price"] for r in rs)
    print(f"{region:<6}{len(rs):>3}{sum(r['units'] for r in rs):>5}{revenue:>8.2f}")
pivot = {}
for r in rows:
    pivot.setdefault(r["product"], {}).setdefault(r["region"], 0)
    pivot[r["product"]][r["region"]] += r["units"]
regions = sorted({r["region"] for r in rows})
print("product".ljust(8) + "".join(x.rjust(7) for x in regions))
for p in sorted(pivot):
    print(p.ljust(8) + "".join(str(pivot[p].get(x, "-")).rjust(7) for x in regions))
best = max(rows, key=lambda r: r["units"] * r["price"])
print(best)
