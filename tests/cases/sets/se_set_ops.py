a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection([1, 3, 7]), a.difference({1}), a.symmetric_difference([4, 5]))
print(a <= {1, 2, 3, 4, 5}, a < a, a.issubset(range(10)), a.issuperset({1}), a.isdisjoint({9}))
print(len(a), 3 in a, 9 not in a, sorted(a | b, reverse=True))
print(set(), set([3, 1, 2]), set(range(4)), {x % 3 for x in range(10)})
