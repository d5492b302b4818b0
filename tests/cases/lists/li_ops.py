a = [1, 2]
b = a + [3]
print(b, a * 3, [0] * 5, 2 * [None], [] * 10)
a += [4, 5]; print(a)
a *= 2; print(a)
print(len(a), min(a), max(a), sum(a), 4 in a, 9 not in a)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [[]] * 3)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5; print(grid)
alias = [[0] * 3] * 2
alias[0][1] = 5; print(alias)
