r = range(0, 100, 7)
print(len(r), r[5], r[-2], list(r[3:6]), 49 in r, 50 in r, r.index(49))
print(list(range(5))[::-1] == list(range(4, -1, -1)))
print(sum(i for i in range(1, 100) if i % 3 == 0 or i % 5 == 0))
