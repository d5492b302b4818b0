log = []
def a():
    try:
        log.append("a-start")
        yield 1
        log.append("a-resume")
        yield 2
    finally:
        log.append("a-final")
def b():
    try:
        yield from a()
    finally:
        log.append("b-final")
g = b()
for v in g:
    log.append(v)
    if v == 1:
        break
g.close()
print(log)
log.clear()
g = b()
print(list(g), log)
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        elif cmd == "stop":
            return i
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
try:
    c.send("stop")
except StopIteration as s:
    print("final", s.value)
