try:
    1 / 0
except ZeroDivisionError as err:
    print("have", err)
try:
    print(err)
except NameError as e:
    print(type(e).__name__, e)
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
