class Node:
    def __init__(self, nxt=None): self.nxt = nxt
    def depth(self): return 1 + self.nxt.depth()
print(Node(Node()).nxt is not None)
Node(Node(Node())).depth()
