a = [1, 1.0, True, "1", [1], (1,)]
print(a.count(1), a.count("1"), a.count([1]), a.index(True), a.index((1,)))
print([1, 2, 3] * 0, [[1]] * 2 == [[1], [1]])
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1] == list(reversed([1, 2, 3])))
