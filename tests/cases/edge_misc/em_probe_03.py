def g():
    try:
        yield 1
    finally:
        yield 2
x = g()
print(next(x), next(x))
try: next(x)
except StopIteration: print("stop")
