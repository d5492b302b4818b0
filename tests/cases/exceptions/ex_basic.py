try:
    x = 1 / 0
except ZeroDivisionError as e:
    print("caught", type(e).__name__, e)
else:
    print("no")
finally:
    print("finally")
try:
    x = 1
except Exception:
    print("no")
else:
    print("else ran", x)
finally:
    print("finally 2")
