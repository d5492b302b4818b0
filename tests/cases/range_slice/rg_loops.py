total = 0
for i in range(1, 11):
    total += i
print(total)
for i in range(3):
    for j in range(i):
        print(i, j)
for i in range(10, 0, -4):
    print(i, end=" ")
print()
print([i for i in range(-5, 6, 5)])
