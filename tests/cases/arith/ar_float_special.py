inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1)
print(inf == inf, nan != nan, nan < 1, nan > 1, inf > 10 ** 400)
print(1 / inf, -1 / inf, max(1.0, inf), min(-inf, 0))
print(str(inf), repr(nan), float("-nan"))
print(abs(-inf), round(1.5), -0.0 == 0.0, str(-0.0))
try:
    round(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(nan)
except ValueError as e:
    print(type(e).__name__, e)
