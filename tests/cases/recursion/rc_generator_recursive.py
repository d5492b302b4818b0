def walk(tree, path=()):
    if isinstance(tree, dict):
        for k in tree:
            yield from walk(tree[k], path + (k,))
    else:
        yield "/".join(path), tree
fs = {"etc": {"hosts": 1, "conf": {"a": 2, "b": 3}}, "usr": {"bin": {"python": 4}}, "readme": 5}
for p, v in walk(fs):
    print(p, v)
def gen_depth(n):
    if n:
        yield n
        yield from gen_depth(n - 1)
print(sum(gen_depth(200)))
