def pretty(obj, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        parts = []
        for k in obj:
            parts.append(f'{inner}"{k}": {pretty(obj[k], indent + step, step)}')
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        if all(isinstance(x, (int, float)) for x in obj):
            return "[" + ", ".join(pretty(x) for x in obj) + "]"
        return "[\n" + ",\n".join(inner + pretty(x, indent + step, step) for x in obj) + "\n" + pad + "]"
    if isinstance(obj, str):
        esc = obj.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return '"' + esc + '"'
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    return repr(obj)

doc = {
    "name": "cmonty",
    "version": [0, 1, 0],
    "ok": True,
    "missing": None,
    "ratio": 0.75,
    "tags": ["fast", "safe", "say \"hi\""],
    "nested": {"empty": {}, "list": [], "deep": [{"a": 1}, {"b": [1, 2.5]}]},
    "multi": "line1\nline2",
}
print(pretty(doc))
print(pretty([]), pretty({}), pretty("x"), pretty(3))
print(pretty(doc, step=4).count("\n"))
