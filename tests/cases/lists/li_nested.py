m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], [row[0] for row in m])
t = [list(r) for r in zip(*m)]
print(t)
flat = [x for row in m for x in row]
print(flat, sum(flat))
m[0].append(10)
print(m, len(m[0]))
deep = [1, [2, [3, [4, [5]]]]]
print(deep, deep[1][1][1][1][0])
