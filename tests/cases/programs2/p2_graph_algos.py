edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("g", "h", 1)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    todo = [(0, src)]
    while todo:
        todo.sort(reverse=True)
        d, u = todo.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                todo.append((nd, v))
    return dist, prev
def path(prev, t):
    out = [t]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
dist, prev = dijkstra("a")
for node in sorted(dist):
    print(node, dist[node], "->".join(path(prev, node)))
def components():
    seen = set()
    comps = []
    for start in sorted(graph):
        if start in seen:
            continue
        stack, comp = [start], []
        seen.add(start)
        while stack:
            u = stack.pop()
            comp.append(u)
            for v, _ in graph[u]:
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        comps.append(sorted(comp))
    return comps
print(components())
def topo(deps):
    order, state = [], {}
    def visit(n):
        if state.get(n) == 1:
            raise ValueError(f"cycle at {n}")
        if state.get(n) == 2:
            return
        state[n] = 1
        for m in sorted(deps.get(n, ())):
            visit(m)
        state[n] = 2
        order.append(n)
    for n in sorted(deps):
        visit(n)
    return order
print(topo({"app": ["lib", "util"], "lib": ["util", "core"], "util": ["core"], "core": []}))
try:
    topo({"x": ["y"], "y": ["z"], "z": ["x"]})
except ValueError as e:
    print(e)
