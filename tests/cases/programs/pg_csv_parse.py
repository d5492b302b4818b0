DATA = """name,dept,salary,start
"Smith, John",Engineering,85000,2019-03-01
Jane Doe,Marketing,62000,2020-07-15
"O'Brien, Pat",Engineering,91000,2017-11-30
Lee Wong,Sales,55000,2021-01-04
"Quote ""Q"" Person",Sales,58000,2018-05-22
"""

def parse_line(line):
    fields = []
    cur = ""
    inq = False
    i = 0
    while i < len(line):
        c = line[i]
        if inq:
            if c == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    cur += '"'
                    i += 1
                else:
                    inq = False
            else:
                cur += c
        elif c == '"':
            inq = True
        elif c == ",":
            fields.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    fields.append(cur)
    return fields

lines = DATA.strip().split("\n")
header = parse_line(lines[0])
rows = [dict(zip(header, parse_line(l))) for l in lines[1:]]
for r in rows:
    r["salary"] = int(r["salary"])
    y, m, d = map(int, r["start"].split("-"))
    r["start"] = (y, m, d)
    print(r)
depts = {}
for r in rows:
    depts.setdefault(r["dept"], []).append(r)
for dept in sorted(depts):
    rs = depts[dept]
    avg = sum(r["salary"] for r in rs) / len(rs)
    senior = min(rs, key=lambda r: r["start"])
    print(f"{dept:<12} n={len(rs)} avg={avg:>9.1f} senior={senior['name']}")
