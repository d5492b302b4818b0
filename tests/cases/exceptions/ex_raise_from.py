try:
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("bad config") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("suppressed") from None
except TypeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
