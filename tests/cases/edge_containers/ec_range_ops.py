r = range(10, 0, -3)
print(list(r), len(r), r[0], r[-1], r[1:3], 4 in r, 3 in r, r.index(7), r.count(4))
print(range(0), list(range(5, 2)), range(1, 10, 2)[::-1], len(range(-5, 5, 3)), range(3) == range(0, 3, 1))
print(range(0) == range(5, 5), list(range(10)[2:8:3]), reversed(range(3)).__class__.__name__)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(5)[10]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
big = range(10 ** 20)
print(len(range(0, 10 ** 6, 7)), big[-1], 10 ** 19 in big)
print(list(enumerate(range(3), start=-1)), list(zip(range(3), range(10, 20), "abcd")))
