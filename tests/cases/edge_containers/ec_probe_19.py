s = set()
s.update([1, 2], (3,), "ab")
print(sorted(s, key=str), len(s), s.issubset(s), s > s, s >= s)
