def accumulate():
    total = 0
    while True:
        value = yield total
        if value is not None:
            total += value
acc = accumulate()
next(acc)
for v in [5, 10, 15]:
    print(acc.send(v))
print(next(acc))
def coroutine_like():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    except GeneratorExit:
        print("closing with", received)
c = coroutine_like()
next(c)
c.send("a"); c.send("b")
c.close()
