def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("gen cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")
g2 = gen()
print(next(g2))
g2.close()
print("closed again")
g3 = gen()
try:
    g3.throw(KeyError("early"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g3))
