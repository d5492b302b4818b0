f = lambda x: x['k']
print(list(map(f, [{'k': 1}, {'k': 2}])))
list(map(f, [{'k': 1}, {}]))
