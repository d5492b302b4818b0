def add_item(item, bucket=[]):
    bucket.append(item)
    return len(bucket)
print([add_item(i) for i in range(4)])
def tally(key, counts={}):
    counts[key] = counts.get(key, 0) + 1
    return dict(counts)
print(tally("a"), tally("b"), tally("a"))
