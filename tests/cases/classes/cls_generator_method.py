class Tree:
    def __init__(self, val, *children):
        self.val = val
        self.children = list(children)
    def walk(self, depth=0):
        yield depth, self.val
        for c in self.children:
            yield from c.walk(depth + 1)
    def find(self, pred):
        return [v for _, v in self.walk() if pred(v)]
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b", Tree("b1", Tree("b1x"))))
for d, v in t.walk():
    print("  " * d + v)
print(t.find(lambda v: v.endswith("1")), max(d for d, _ in t.walk()))
