def render(template, ctx):
    out = []
    i = 0
    while i < len(template):
        start = template.find("{{", i)
        if start == -1:
            out.append(template[i:])
            break
        out.append(template[i:start])
        end = template.find("}}", start)
        if end == -1:
            raise ValueError(f"unclosed tag at {start}")
        expr = template[start + 2:end].strip()
        parts = expr.split("|")
        value = lookup(ctx, parts[0].strip())
        for f in parts[1:]:
            value = FILTERS[f.strip()](value)
        out.append(str(value))
        i = end + 2
    return "".join(out)

def lookup(ctx, path):
    cur = ctx
    for key in path.split("."):
        if isinstance(cur, dict):
            if key not in cur:
                return f"<missing {path}>"
            cur = cur[key]
        elif isinstance(cur, list):
            cur = cur[int(key)]
        else:
            return f"<bad {path}>"
    return cur

FILTERS = {
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "len": len,
    "title": lambda v: str(v).title(),
    "money": lambda v: f"${v:,.2f}",
    "join": lambda v: ", ".join(map(str, v)),
}

ctx = {"user": {"name": "ada lovelace", "langs": ["python", "c", "lisp"]}, "total": 1234567.5, "items": [{"n": "pen"}, {"n": "ink"}]}
tpls = [
    "Hello, {{ user.name | title }}!",
    "You know {{ user.langs | len }} languages: {{user.langs|join}}.",
    "Total due: {{ total | money }}",
    "First item: {{ items.0.n | upper }}, second: {{ items.1.n }}",
    "Missing: {{ user.email }} / {{ total.x }}",
    "No tags here",
    "Broken {{ user.name",
]
for t in tpls:
    try:
        print(render(t, ctx))
    except ValueError as e:
        print("error:", e)
