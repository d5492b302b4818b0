def f():
    try:
        raise ValueError
    except ValueError:
        return "returned from except"
    finally:
        print("finally")
print(f())
