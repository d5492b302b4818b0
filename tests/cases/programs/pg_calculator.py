def tokenize(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            out.append(float(s[i:j]) if "." in s[i:j] else int(s[i:j]))
            i = j
        elif c in "+-*/%^()":
            out.append(c)
            i += 1
        else:
            raise ValueError(f"unexpected {c!r}")
    return out

def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def take():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        return t
    def expr():
        v = term()
        while peek() in ("+", "-"):
            op = take()
            r = term()
            v = v + r if op == "+" else v - r
        return v
    def term():
        v = factor()
        while peek() in ("*", "/", "%"):
            op = take()
            r = factor()
            if op == "*":
                v = v * r
            elif op == "/":
                v = v / r
            else:
                v = v % r
        return v
    def factor():
        b = unary()
        if peek() == "^":
            take()
            return b ** factor()
        return b
    def unary():
        if peek() == "-":
            take()
            return -unary()
        if peek() == "(":
            take()
            v = expr()
            if peek() != ")":
                raise ValueError("expected )")
            take()
            return v
        t = peek()
        if isinstance(t, (int, float)):
            return take()
        raise ValueError(f"unexpected token {t!r}")
    v = expr()
    if pos != len(tokens):
        raise ValueError(f"trailing {tokens[pos]!r}")
    return v

for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "7 % 3 + 0.5", "((4))", "2 * (3 + 4) * 5 - 6 / 2",
          "1 +", "3 $ 4", "(1 + 2", "1 / 0", "2 3"]:
    try:
        print(f"{e:<25} = {parse(tokenize(e))}")
    except (ValueError, ZeroDivisionError) as ex:
        print(f"{e:<25} ! {type(ex).__name__}: {ex}")
