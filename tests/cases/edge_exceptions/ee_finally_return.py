def f():
    try:
        return "try"
    finally:
        print("finally")
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("fin", i)
    return i
print(h())
def k():
    for i in range(3):
        try:
            continue
        finally:
            print("k", i)
k()
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("caught", e)
        return 1
    finally:
        print("outer finally")
print(nested())
def ret_override():
    x = 1
    try:
        return x
    finally:
        x = 2
print(ret_override())
