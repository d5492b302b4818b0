def acc():
    total = 0
    try:
        while True:
            try:
                v = yield total
            except ValueError as e:
                print("caught", e)
                v = 0
            if v is None:
                break
            total += v
    finally:
        print("cleanup", total)
    return total
g = acc()
print(next(g), g.send(5), g.send(7), g.throw(ValueError("bad")), g.send(1))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g2 = acc()
next(g2)
g2.send(3)
g2.close()
print("closed")
g3 = acc()
try:
    g3.send(1)
except TypeError as e:
    print(e)
