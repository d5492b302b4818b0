print(list(zip(*[iter(range(9))]*3)))
