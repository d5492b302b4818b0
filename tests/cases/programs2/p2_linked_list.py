class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return self.size
    def __repr__(self): return "LL(" + " -> ".join(map(repr, self)) + ")"
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(list(self)[i])
        if i < 0: i += self.size
        for j, v in enumerate(self):
            if j == i: return v
        raise IndexError("LinkedList index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def __eq__(self, o):
        return isinstance(o, LinkedList) and list(self) == list(o)
    def __add__(self, o):
        return LinkedList(list(self) + list(o))
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), ll[0], ll[-1], ll[1:3], 3 in ll, 9 in ll)
print(ll.reverse(), list(ll), sum(ll), max(ll))
print(ll + LinkedList("ab"), ll == LinkedList([4, 3, 2, 1]), ll == [4, 3, 2, 1], LinkedList() == LinkedList())
try:
    ll[10]
except IndexError as e:
    print(e)
def merge(a, b):
    out, ia, ib = [], iter(a), iter(b)
    x, y = next(ia, None), next(ib, None)
    while x is not None or y is not None:
        if y is None or (x is not None and x <= y):
            out.append(x); x = next(ia, None)
        else:
            out.append(y); y = next(ib, None)
    return LinkedList(out)
print(merge(LinkedList([1, 4, 9]), LinkedList([2, 3, 10, 11])))
