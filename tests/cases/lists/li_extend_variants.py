a = []
a.extend(range(3))
a.extend("ab")
a.extend((9,))
a.extend({7: 1})
a.extend(x for x in [5, 6])
print(a)
a += "cd"
print(a)
try:
    a += 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a = a + "x"
except TypeError as e:
    print(type(e).__name__, e)
