l = [3, 1, 2]
print(sorted(l), l, l.sort(reverse=True), l, sorted(l, key=lambda v: -v) == sorted(l, reverse=True))
