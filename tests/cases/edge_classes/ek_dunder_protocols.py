class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __bool__(self): return bool(self.items)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __call__(self, *a, **k): return f"called {a} {sorted(k.items())}"
    def __str__(self): return f"Bag of {len(self)}"
    def __repr__(self): return f"Bag{tuple(self.items)}"
    def __reversed__(self): return reversed(self.items)
b = Bag(3, 1, 2)
print(len(b), bool(b), bool(Bag()), 2 in b, 9 in b, list(b), b[0], b[-1], b[1:])
b[0] = 10; del b[1]
print(b, str(b), repr(b), f"{b}", f"{b!r}", [b], b(1, x=2), list(reversed(b)), sorted(b))
if not Bag():
    print("empty bag falsy")
print(max(b), sum(b), "-".join(map(str, b)), dict(zip(b, "ab")), *b)
class OnlyLen:
    def __len__(self): return 0
print(bool(OnlyLen()), "truthy" if OnlyLen() else "falsy")
