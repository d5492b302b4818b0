class Node:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = list(kids)
    def __repr__(self):
        if self.kids:
            return f"Node({self.v}, {self.kids})"
        return f"Node({self.v})"
t = Node(1, [Node(2), Node(3, [Node(4)])])
print(t)
print([t.kids[1]], str(t.kids[0]))
