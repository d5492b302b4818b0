def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", e)
        return "handled"
print(level1())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("from handler")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer", e)
