def padd(a, b):
    n = max(len(a), len(b))
    return trim([(a[i] if i < len(a) else 0) + (b[i] if i < len(b) else 0) for i in range(n)])
def pmul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return trim(out)
def trim(p):
    while len(p) > 1 and p[-1] == 0:
        p = p[:-1]
    return p
def peval(p, x):
    r = 0
    for c in reversed(p):
        r = r * x + c
    return r
def pderiv(p):
    return trim([i * c for i, c in enumerate(p)][1:] or [0])
def pstr(p):
    terms = []
    for i in range(len(p) - 1, -1, -1):
        c = p[i]
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        c = abs(c)
        body = ("" if c == 1 and i else str(c)) + ("x" if i >= 1 else "") + (f"^{i}" if i > 1 else "")
        terms.append((sign, body))
    if not terms:
        return "0"
    s = ("-" if terms[0][0] == "-" else "") + terms[0][1]
    for sign, body in terms[1:]:
        s += f" {sign} {body}"
    return s
a = [1, -3, 0, 2]
b = [-1, 1]
print(pstr(a), "|", pstr(b))
print(pstr(padd(a, b)), "|", pstr(pmul(a, b)), "|", pstr(pderiv(a)))
print([peval(a, x) for x in range(-2, 3)])
p = [1]
for k in range(5):
    p = pmul(p, [1, 1])
print(p, pstr(p))
print(pstr(padd([1, 2], [-1, -2])), pstr([0, -1]))
