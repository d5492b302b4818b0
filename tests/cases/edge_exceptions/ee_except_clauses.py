def risky(n):
    if n == 0: raise ValueError("zero")
    if n == 1: raise KeyError("one")
    if n == 2: raise IndexError("two")
    if n == 3: return "ok"
    raise TypeError("other")
for n in range(5):
    try:
        r = risky(n)
    except (ValueError, KeyError) as e:
        print(n, "VK", type(e).__name__, e)
    except LookupError as e:
        print(n, "Lookup", e)
    except:
        print(n, "bare")
    else:
        print(n, "else", r)
    finally:
        print(n, "finally")
try:
    pass
except ValueError:
    print("no")
else:
    print("else ran")
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError", ne)
