for v in ["1", "x", None, [1]]:
    try:
        print(int(v) + 1)
    except (ValueError, TypeError) as e:
        print("bad", type(e).__name__)
try:
    raise KeyError("k")
except:
    print("bare except")
try:
    try:
        raise IndexError
    except (KeyError, ValueError):
        print("no")
except IndexError:
    print("outer caught IndexError")
