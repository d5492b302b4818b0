def f(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        f(n - 1)
    finally:
        print("unwind", n)
try: f(3)
except ValueError as e: print(e)
