LOG = """2024-01-05 10:00:01 INFO  server started port=8080
2024-01-05 10:00:05 DEBUG loading config path=/etc/app.conf
2024-01-05 10:01:12 WARN  slow request path=/api/users ms=1200
2024-01-05 10:01:13 ERROR db timeout query=select ms=5000
2024-01-05 10:02:00 INFO  request path=/api/users ms=35
2024-01-05 10:02:01 INFO  request path=/api/items ms=12
2024-01-05 10:03:30 ERROR db timeout query=update ms=5001
malformed line here
2024-01-05 10:04:00 INFO  request path=/api/users ms=40"""
def parse(line):
    parts = line.split()
    if len(parts) < 4 or parts[2] not in ("INFO", "DEBUG", "WARN", "ERROR"):
        raise ValueError(f"malformed: {line!r}")
    date, time, level = parts[:3]
    msg_words = []
    fields = {}
    for p in parts[3:]:
        if "=" in p:
            k, v = p.split("=", 1)
            fields[k] = int(v) if v.isdigit() else v
        else:
            msg_words.append(p)
    return {"time": time, "level": level, "msg": " ".join(msg_words), **fields}
entries = []
for line in LOG.splitlines():
    try:
        entries.append(parse(line))
    except ValueError as e:
        print("skip:", e)
by_level = {}
for e in entries:
    by_level[e["level"]] = by_level.get(e["level"], 0) + 1
print(sorted(by_level.items()))
paths = {}
for e in entries:
    if "path" in e and "ms" in e:
        paths.setdefault(e["path"], []).append(e["ms"])
for p, ms in sorted(paths.items()):
    print(f"{p:<12} n={len(ms)} avg={sum(ms) / len(ms):8.2f} max={max(ms)}")
errors = [e for e in entries if e["level"] == "ERROR"]
print([(e["time"], e["query"]) for e in errors])
