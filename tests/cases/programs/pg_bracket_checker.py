PAIRS = {")": "(", "]": "[", "}": "{"}
def check(s):
    stack = []
    for i, c in enumerate(s):
        if c in "([{":
            stack.append((c, i))
        elif c in PAIRS:
            if not stack:
                return f"unmatched {c!r} at {i}"
            top, j = stack.pop()
            if top != PAIRS[c]:
                return f"mismatch {top!r}@{j} vs {c!r}@{i}"
    if stack:
        c, i = stack[-1]
        return f"{c!r} at {i} never closed"
    return "ok"
for s in ["(a[b]{c})", "((", "())", "{[}]", "", "f(x[1], {'k': (2,)})", "]"]:
    print(f"{s!r:<24} {check(s)}")
def max_depth(s):
    d = best = 0
    for c in s:
        if c in "([{":
            d += 1
            best = max(best, d)
        elif c in ")]}":
            d -= 1
    return best
print([max_depth(s) for s in ["", "()", "(([]){})", "[[[[]]]]"]])
