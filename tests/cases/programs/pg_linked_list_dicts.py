def make_node(val, nxt=None):
    return {"val": val, "next": nxt}
def from_list(xs):
    head = None
    for x in reversed(xs):
        head = make_node(x, head)
    return head
def to_list(node):
    out = []
    while node:
        out.append(node["val"])
        node = node["next"]
    return out
def reverse(node):
    prev = None
    while node:
        nxt = node["next"]
        node["next"] = prev
        prev, node = node, nxt
    return prev
def merge(a, b):
    dummy = make_node(None)
    tail = dummy
    while a and b:
        if a["val"] <= b["val"]:
            tail["next"], a = a, a["next"]
        else:
            tail["next"], b = b, b["next"]
        tail = tail["next"]
    tail["next"] = a or b
    return dummy["next"]
def middle(node):
    slow = fast = node
    while fast and fast["next"]:
        slow = slow["next"]
        fast = fast["next"]["next"]
    return slow["val"] if slow else None
l = from_list([1, 2, 3, 4, 5])
print(to_list(l), middle(l))
l = reverse(l)
print(to_list(l))
m = merge(from_list([1, 4, 9, 10]), from_list([2, 3, 8, 11, 12]))
print(to_list(m), middle(m), middle(None))
