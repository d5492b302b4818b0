from_pairs = dict([("a", 1), ["b", 2], "cd"])
print(from_pairs)
