def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("conv") from e
try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    try:
        raise OSError("first")
    except OSError:
        raise RuntimeError("second")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError from TypeError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError("a") from 5
except TypeError as e:
    print(e)
