try:
    raise KeyError("a\nb")
except KeyError as e:
    print(str(e), repr(e))
