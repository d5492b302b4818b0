cells = {
    "A1": "5", "A2": "7", "A3": "=A1+A2", "B1": "=A3*2", "B2": "=B1-A1",
    "C1": "=SUM(A1:A3)", "C2": "=C1/4", "D1": "=D2", "D2": "=D1", "E1": "=Z9+1",
}
cache = {}
def evaluate(ref, stack=()):
    if ref in stack:
        raise RecursionError("cycle: " + " -> ".join(stack + (ref,)))
    if ref in cache:
        return cache[ref]
    if ref not in cells:
        raise KeyError(ref)
    raw = cells[ref]
    if not raw.startswith("="):
        val = float(raw) if "." in raw else int(raw)
    else:
        val = calc(raw[1:], stack + (ref,))
    cache[ref] = val
    return val
def calc(expr, stack):
    if expr.startswith("SUM(") and expr.endswith(")"):
        a, b = expr[4:-1].split(":")
        col = a[0]
        return sum(evaluate(f"{col}{r}", stack) for r in range(int(a[1:]), int(b[1:]) + 1))
    for op in "+-*/":
        if op in expr:
            l, r = expr.split(op, 1)
            x, y = evaluate(l, stack), evaluate(r, stack)
            return {"+": x + y, "-": x - y, "*": x * y, "/": x / y}[op]
    return evaluate(expr, stack)
for ref in sorted(cells):
    try:
        print(ref, "=", evaluate(ref))
    except RecursionError as e:
        print(ref, "error:", e)
    except KeyError as e:
        print(ref, "missing ref", e)
