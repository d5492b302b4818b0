a = [5, 2, 8, 1, 9, 3]
a.sort(reverse=True); print(a)
words = ["kiwi", "apple", "fig", "banana", "cherry", "date"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1]); print(words)
recs = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: (-r[1], r[0])))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted("cba"), sorted((2, 1)))
m = [[3, 1], [1, 2], [3, 0], [1, 1]]
m.sort(); print(m)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
