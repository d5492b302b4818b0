class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"
a, b, c = Key(1), Key(1), Key(2)
print(a == b, a != c, a is b, a == 1)
d = {a: "one"}
print(d[b], Key(1) in d, len({a, b, c}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
