print(list(), list("ab"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}), list({3}))
print(list(x * 2 for x in range(3)), list(map(str, [1, 2])), list(enumerate("ab")))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
