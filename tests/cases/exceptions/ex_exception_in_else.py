try:
    pass
except ValueError:
    print("no")
else:
    try:
        raise ValueError("in else")
    except ValueError as e:
        print("caught", e)
def h():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("finally before return")
print(h())
