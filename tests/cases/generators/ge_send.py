def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        n += 1
        avg = total / n
    return avg
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    got = yield "ready"
    while True:
        got = yield f"echo {got}"
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    echo().send(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
