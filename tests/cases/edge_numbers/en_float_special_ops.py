inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, inf > 1e308, -inf < -1e308, inf == inf)
print(nan + 1, nan * 0, min(nan, 1), min(1, nan), max(nan, 1), abs(-inf), abs(nan))
print(inf // 1, inf % 2 if False else "skip", 1 % inf, -1 % inf, 1 // inf, -1 // inf)
print(round(inf) if False else "no", int(1e300) > 0, float("1e400"), float("-1e400"), 1e-400)
print(sorted([3, nan, 1])[1:] if False else "s", [x for x in [1, nan, 2] if x == x])
try:
    round(inf)
except OverflowError as e:
    print(e)
try:
    round(nan)
except ValueError as e:
    print(e)
