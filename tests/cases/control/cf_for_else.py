def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            print("found", t, "at", i)
            break
    else:
        print(t, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
for p in range(2, 30):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
