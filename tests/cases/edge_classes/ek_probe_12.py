class M:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
m = M(); m2 = m
m += 5
m += 6
print(m.items, m is m2)
