found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
count = 0
for i in range(4):
    for j in range(4):
        if j > i:
            continue
        count += 1
print(count)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner else", i)
    print("outer", i, j)
