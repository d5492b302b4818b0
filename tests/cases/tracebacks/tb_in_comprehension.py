data = ['1', '2', 'x']
print([int(d) for d in data])
