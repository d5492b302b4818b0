class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return bool(self.items)
b = Bag(3, 1, 2)
print(len(b), b[0], b[-1], 2 in b, 9 in b, list(b), sorted(b), bool(b), bool(Bag()))
b[0] = 30
print(b[0], [x * 2 for x in b], b[1:])
for x in b:
    print(x, end=" ")
print()
