print(list(enumerate([])), list(zip([], [1])), list(map(abs, [])), list(filter(None, [])), sorted([]), min([1]), max("a"))
