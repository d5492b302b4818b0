def tree(depth, *, branching=2, label="n"):
    if depth == 0:
        return label
    return [tree(depth - 1, branching=branching, label=f"{label}{i}") for i in range(branching)]
print(tree(2), tree(1, branching=3, label="x"))
def count_leaves(t):
    return 1 if isinstance(t, str) else sum(count_leaves(c) for c in t)
print(count_leaves(tree(4, branching=3)))
def call_with(f, *args, **kwargs):
    return f(*args, **kwargs)
print(call_with(tree, 1, label="q"), call_with(max, 3, 9, 2), call_with(sorted, [3, 1], reverse=True))
