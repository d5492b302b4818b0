t = (1, [2, 3])
try:
    t[1] += [4]
except TypeError as e:
    print(e)
print(t)
