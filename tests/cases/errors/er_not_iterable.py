for obj in [5, 1.5, None, True]:
    try:
        for _ in obj:
            pass
    except TypeError as e:
        print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
try:
    list(None)
except TypeError as e:
    print(e)
try:
    sum(5)
except TypeError as e:
    print(e)
