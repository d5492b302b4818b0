def build(depth):
    if depth == 0:
        return None
    return [build(depth - 1), depth, build(depth - 1)]
def count(t):
    return 0 if t is None else 1 + count(t[0]) + count(t[2])
def height(t):
    return 0 if t is None else 1 + max(height(t[0]), height(t[2]))
def inorder(t, out):
    if t is not None:
        inorder(t[0], out)
        out.append(t[1])
        inorder(t[2], out)
    return out
t = build(5)
print(count(t), height(t), inorder(t, [])[:16])
