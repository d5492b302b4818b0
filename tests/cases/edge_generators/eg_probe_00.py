def g():
    try:
        yield 1
    except ValueError:
        print("inner caught")
        raise
x = g(); next(x)
try: x.throw(ValueError("v"))
except ValueError as e: print("outer", e)
print(next(x, "done"))
