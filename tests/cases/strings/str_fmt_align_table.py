data = [("Alice", 93.5, 1), ("Bob", 78.25, 12), ("Christina", 100.0, 3)]
for name, score, rank in data:
    print("{:<10}{:>8.1f}{:>4d}".format(name, score, rank))
print("{:-^22}".format(""))
for name, score, rank in data:
    print("%-10s%8.1f%4d" % (name, score, rank))
