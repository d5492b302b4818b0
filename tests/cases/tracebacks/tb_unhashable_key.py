counts = {}
for item in [[1], [2]]:
    counts[item] = counts.get(item, 0) + 1
