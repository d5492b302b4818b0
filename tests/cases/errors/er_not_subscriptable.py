for obj in [5, 1.5, None, len, True]:
    try:
        obj[0]
    except TypeError as e:
        print(e)
try:
    x = 5
    x[0] = 1
except TypeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
try:
    s = {1, 2}; s[0]
except TypeError as e:
    print(e)
