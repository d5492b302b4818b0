def f():
    try:
        return 1
    finally:
        try:
            raise KeyError
        except KeyError:
            print("inner handled")
print(f())
