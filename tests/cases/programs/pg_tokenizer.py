KEYWORDS = {"let", "if", "else", "print", "while"}

def tokenize(src):
    toks = []
    i = 0
    line = 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(("NUM", float(text) if "." in text else int(text), line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("KW" if word in KEYWORDS else "ID", word, line))
            i = j
        elif c == '"':
            j = src.index('"', i + 1)
            toks.append(("STR", src[i + 1:j], line))
            i = j + 1
        elif src[i:i + 2] in ("==", "!=", "<=", ">="):
            toks.append(("OP", src[i:i + 2], line))
            i += 2
        elif c in "+-*/=<>(){};":
            toks.append(("OP", c, line))
            i += 1
        else:
            raise SyntaxError(f"bad char {c!r} at line {line}")
    return toks

src = '''let x = 10;
let name = "bob";  # comment
while (x >= 2.5) { x = x - 1; }
if (x != 3) print(name) else print("no");
'''
toks = tokenize(src)
for t in toks:
    print(t)
kinds = {}
for k, _, _ in toks:
    kinds[k] = kinds.get(k, 0) + 1
print(sorted(kinds.items()))
try:
    tokenize("let y = 5 @ 3;")
except SyntaxError as e:
    print("error:", e)
