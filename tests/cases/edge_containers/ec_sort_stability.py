data = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 1), ("eve", 2), ("frank", 3)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
s = sorted(data, key=lambda p: p[0], reverse=True)
s.sort(key=lambda p: p[1])
print(s)
nums = [5, -3, 2, -2, 3, -5, 0]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
l = [3, 1, 2]
print(l.sort(), l)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(e)
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print(e)
big = [(i * 7919) % 1000 for i in range(2000)]
sb = sorted(big)
print(sb[:5], sb[-5:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
print(sorted([[2, 1], [1, 2], [1], []]), sorted([(1, "b"), (1, "a")]), sorted("bca", reverse=True))
