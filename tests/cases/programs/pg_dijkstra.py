edges = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]
graph = {}
for a, b, w in edges:
    graph.setdefault(a, []).append((b, w))
    graph.setdefault(b, []).append((a, w))
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    todo = {src}
    done = set()
    while todo:
        u = min(sorted(todo), key=lambda n: dist[n])
        todo.remove(u)
        done.add(u)
        for v, w in graph[u]:
            if v in done:
                continue
            nd = dist[u] + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                todo.add(v)
    return dist, prev
dist, prev = dijkstra("A")
for node in sorted(graph):
    if node not in dist:
        print(node, "unreachable")
        continue
    path = [node]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    print(node, dist[node], "->".join(reversed(path)))
