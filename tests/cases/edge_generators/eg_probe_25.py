def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("exit")
        raise
    finally:
        print("gen finally")
g = gen()
print(next(g))
g.close()
print("after close")
