data = [3, 1, 4, 0, 5]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
class Reader:
    def __init__(self, chunks): self.chunks = list(chunks)
    def read(self): return self.chunks.pop(0) if self.chunks else ""
r = Reader(["ab", "cd", "e"])
print([c for c in iter(r.read, "")])
n = 0
def counter():
    global n
    n += 1
    return n
print(list(iter(counter, 5)))
