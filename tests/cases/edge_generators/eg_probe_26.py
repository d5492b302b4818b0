def counter(n):
    i = 0
    while i < n:
        cmd = yield i
        i = i + 1 if cmd is None else cmd
print(list(counter(3)))
c = counter(10); next(c); print(c.send(7), next(c), next(c, "end"), next(c, "end"))
