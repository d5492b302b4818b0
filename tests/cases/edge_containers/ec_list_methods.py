l = [3, 1, 2]
l.insert(0, 9); l.insert(-1, 8); l.insert(100, 7); l.insert(-100, 6)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.extend(range(3)); l.extend("ab"); l += (5,)
print(l, l.index(2), l.count(2), l.index(2, 3))
try:
    l.index(99)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
try:
    l.remove(99)
except ValueError as e:
    print(e)
l2 = l.copy(); l2.clear(); print(l2, len(l))
l = [5, 3, 8]; l.reverse(); print(l, l[::-1], list(reversed(l)))
l = list(range(10))
l[2:5] = ["a"]; print(l)
l[::2] = "wxyz"; print(l)
del l[::3]; print(l)
l[1:1] = [0, 0]; print(l)
l[-1:] = []; print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
del l[100:]
print(l[100:], l[-100:2])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [[1]] == [[1]], [1] * 3 == [1, 1, 1])
try:
    [1] < ["a"]
except TypeError as e:
    print(e)
