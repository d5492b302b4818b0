a = [1, "two", 3.0, None, True, [4, (5,)], {"k": "v"}, (), b"x"]
print(a)
print(repr(a), str(a) == repr(a))
r = [1, 2]
r.append(r)
print(r)
print([[[]]], [""], ["'"], ['"'])
