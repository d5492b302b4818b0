log = []
def worker():
    try:
        for i in range(10):
            log.append(i)
            yield i
    finally:
        log.append("finally")
for v in worker():
    if v == 2:
        break
print(log)
w = worker()
next(w)
w.close()
print(log)
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ig = ignore_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print(type(e).__name__, e)
