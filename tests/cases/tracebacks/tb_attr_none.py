def find(xs, t):
    for x in xs:
        if x == t: return x
r = find([1, 2], 3)
print('found', r)
r.upper()
