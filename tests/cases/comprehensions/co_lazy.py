log = []
def src():
    for i in range(5):
        log.append(f"yield {i}")
        yield i
g = (x * 10 for x in src())
print(log)
print(next(g), log)
print(next(g), log)
print(list(g))
print(log)
try:
    gen = (1 / x for x in [1, 0])
    print("created ok")
    print(list(gen))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
