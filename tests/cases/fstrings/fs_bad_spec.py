try:
    print(f"{1:q}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{'s':d}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(format(1.5, "d"))
except ValueError as e:
    print(type(e).__name__, e)
print(f"{3:.0f}")
x = f"{undefined_name}"
