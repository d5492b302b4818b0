stack = []
for c in "([{}])":
    if c in "([{":
        stack.append(c)
    else:
        top = stack.pop()
        print("match", top, c)
print("empty", stack == [])
queue = [1, 2, 3]
while queue:
    x = queue.pop(0)
    if x < 5:
        queue.append(x + 3)
    print(x, queue)
