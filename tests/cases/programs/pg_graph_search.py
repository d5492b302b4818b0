graph = {
    "A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F", "G"],
    "F": ["H"], "G": ["H"], "H": [], "X": ["Y"], "Y": ["X"],
}

def bfs(start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nb in graph[node]:
            if nb not in seen:
                seen.add(nb)
                queue.append(path + [nb])
    return None

def dfs(node, seen=None, order=None):
    if seen is None:
        seen, order = set(), []
    seen.add(node)
    order.append(node)
    for nb in graph[node]:
        if nb not in seen:
            dfs(nb, seen, order)
    return order

def topo():
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] += 1
    ready = sorted(n for n in graph if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out

def components():
    und = {n: set() for n in graph}
    for n, nbs in graph.items():
        for m in nbs:
            und[n].add(m)
            und[m].add(n)
    seen = set()
    comps = []
    for n in sorted(und):
        if n in seen:
            continue
        stack = [n]
        comp = []
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            comp.append(cur)
            stack.extend(sorted(und[cur] - seen))
        comps.append(sorted(comp))
    return comps

print(bfs("A", "H"), bfs("A", "G"), bfs("D", "A"), bfs("X", "Y"))
print(dfs("A"))
print(topo())
print(components())
