def insert(node, key):
    if node is None:
        return {"key": key, "left": None, "right": None}
    side = "left" if key < node["key"] else "right"
    node[side] = insert(node[side], key)
    return node
def inorder(node):
    if node is None:
        return []
    return inorder(node["left"]) + [node["key"]] + inorder(node["right"])
def height(node):
    return 0 if node is None else 1 + max(height(node["left"]), height(node["right"]))
def contains(node, key):
    while node:
        if key == node["key"]:
            return True
        node = node["left"] if key < node["key"] else node["right"]
    return False
def delete(node, key):
    if node is None:
        return None
    if key < node["key"]:
        node["left"] = delete(node["left"], key)
    elif key > node["key"]:
        node["right"] = delete(node["right"], key)
    else:
        if node["left"] is None:
            return node["right"]
        if node["right"] is None:
            return node["left"]
        succ = node["right"]
        while succ["left"]:
            succ = succ["left"]
        node["key"] = succ["key"]
        node["right"] = delete(node["right"], succ["key"])
    return node
def levels(node):
    out = []
    cur = [node] if node else []
    while cur:
        out.append([n["key"] for n in cur])
        cur = [c for n in cur for c in (n["left"], n["right"]) if c]
    return out
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, k)
print(inorder(root), height(root))
print(levels(root))
print([contains(root, k) for k in (45, 55)])
for k in [30, 50, 99]:
    root = delete(root, k)
    print("after delete", k, inorder(root), levels(root))
