try:
    raise ValueError("x")
except ValueError as e:
    try:
        raise TypeError("y")
    except TypeError as e2:
        print(repr(e2.__context__))
    print(repr(e))
