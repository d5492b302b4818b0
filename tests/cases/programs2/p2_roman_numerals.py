PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"out of range: {n}")
    out = []
    for v, s in PAIRS:
        q, n = divmod(n, v)
        out.append(s * q)
    return "".join(out)
VALS = {s: v for v, s in PAIRS if len(s) == 1}
def from_roman(s):
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = VALS[a]
        if b != " " and VALS[b] > va:
            total -= va
        else:
            total += va
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s!r}")
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
print(all(from_roman(to_roman(i)) == i for i in range(1, 4000)))
for bad in [0, 4000, "IIII", "VX", "ABC"]:
    try:
        print(to_roman(bad) if isinstance(bad, int) else from_roman(bad))
    except ValueError as e:
        print("ValueError:", e)
    except KeyError as e:
        print("KeyError:", e)
