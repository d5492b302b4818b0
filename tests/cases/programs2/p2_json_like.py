def dumps(obj, indent=0, level=0):
    pad = " " * (indent * (level + 1)) if indent else ""
    end = " " * (indent * level) if indent else ""
    nl = "\n" if indent else ""
    sep = "," + nl if indent else ", "
    if obj is None: return "null"
    if obj is True: return "true"
    if obj is False: return "false"
    if isinstance(obj, (int, float)): return repr(obj)
    if isinstance(obj, str):
        out = []
        for ch in obj:
            if ch == '"': out.append('\\"')
            elif ch == "\\": out.append("\\\\")
            elif ch == "\n": out.append("\\n")
            elif ord(ch) < 32: out.append(f"\\u{ord(ch):04x}")
            else: out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(obj, (list, tuple)):
        if not obj: return "[]"
        return "[" + nl + sep.join(pad + dumps(v, indent, level + 1) for v in obj) + nl + end + "]"
    if isinstance(obj, dict):
        if not obj: return "{}"
        return "{" + nl + sep.join(pad + dumps(str(k)) + ": " + dumps(v, indent, level + 1) for k, v in obj.items()) + nl + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")
def loads(s):
    i = 0
    def ws():
        nonlocal i
        while i < len(s) and s[i] in " \n\t\r": i += 1
    def val():
        nonlocal i
        ws()
        c = s[i]
        if c == "{":
            i += 1; d = {}; ws()
            if s[i] == "}": i += 1; return d
            while True:
                ws(); k = val(); ws()
                assert s[i] == ":", f"expected ':' at {i}"
                i += 1
                d[k] = val(); ws()
                if s[i] == ",": i += 1; continue
                if s[i] == "}": i += 1; return d
                raise ValueError(f"bad object at {i}")
        if c == "[":
            i += 1; l = []; ws()
            if s[i] == "]": i += 1; return l
            while True:
                l.append(val()); ws()
                if s[i] == ",": i += 1; continue
                if s[i] == "]": i += 1; return l
                raise ValueError(f"bad array at {i}")
        if c == '"':
            i += 1; out = []
            while s[i] != '"':
                if s[i] == "\\":
                    i += 1
                    out.append({"n": "\n", '"': '"', "\\": "\\"}.get(s[i], s[i]))
                else:
                    out.append(s[i])
                i += 1
            i += 1
            return "".join(out)
        for lit, v in (("true", True), ("false", False), ("null", None)):
            if s.startswith(lit, i):
                i += len(lit); return v
        j = i
        while i < len(s) and s[i] in "-+.eE0123456789": i += 1
        num = s[j:i]
        if not num: raise ValueError(f"unexpected {c!r} at {j}")
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    r = val(); ws()
    if i != len(s): raise ValueError("trailing data")
    return r
doc = {"name": "widget", "tags": ["a", "b\n", 'q"t'], "dims": {"w": 1.5, "h": -2, "d": None}, "ok": True, "n": [], "e": {}}
s = dumps(doc)
print(s)
print(dumps(doc, indent=2))
back = loads(s)
print(back == doc, back["tags"], loads(" [1, 2.5e3, -7, true, null, {\"x\": [ ]}] "))
for bad in ["[1, 2", "{\"a\" 1}", "[1] x", "@"]:
    try:
        loads(bad)
    except (ValueError, IndexError, AssertionError) as e:
        print(type(e).__name__, e)
try:
    dumps({1: {2}})
except TypeError as e:
    print(e)
