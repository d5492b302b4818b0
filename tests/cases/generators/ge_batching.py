def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)
print(list(batched(range(10), 3)))
print(list(batched("abcdef", 2)), list(batched([], 4)))
def sliding(xs, k):
    for i in range(len(xs) - k + 1):
        yield xs[i:i + k]
print(list(sliding([1, 2, 3, 4, 5], 3)))
def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique([3, 1, 3, 2, 1, 5])))
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        nxt = []
        for it in its:
            try:
                yield next(it)
                nxt.append(it)
            except StopIteration:
                pass
        its = nxt
print(list(interleave("abc", [1, 2], "XYZW")))
