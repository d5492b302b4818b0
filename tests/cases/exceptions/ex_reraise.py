def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging")
        raise
try:
    f()
except ValueError as e:
    print("reraised:", e)
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise e
try:
    g()
except ZeroDivisionError as e:
    print("again", e)
