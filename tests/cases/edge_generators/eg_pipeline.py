def read_lines():
    text = "alpha 3\nbeta x\ngamma 7\n\ndelta 10\n"
    for line in text.split("\n"):
        yield line
def nonempty(lines):
    for l in lines:
        if l.strip():
            yield l
def parse(lines):
    for l in lines:
        name, _, val = l.partition(" ")
        try:
            yield name, int(val)
        except ValueError:
            print("skip", name)
def running_total(pairs):
    total = 0
    for name, v in pairs:
        total += v
        yield name, v, total
for row in running_total(parse(nonempty(read_lines()))):
    print(row)
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(7), 3)))
