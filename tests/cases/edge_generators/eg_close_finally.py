def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")
g = gen()
print(next(g))
g.close()
g.close()
print(list(g))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        return
g = swallow()
next(g)
print(g.close())
def never(): 
    yield 1
g = never()
g.close()
print(next(g, "exhausted"))
