items = [1]
print(items.pop())
print(items)
items.pop()
