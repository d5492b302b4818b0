for i in range(3):
    if i == 5:
        break
else:
    print("for else", i)
for i in []:
    pass
else:
    print("empty for else")
n = 0
while n < 3:
    n += 1
    if n == 2:
        break
else:
    print("not printed")
print("n", n)
def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            break
    else:
        return -1
    return i
print(find([4, 5, 6], 6), find([4, 5], 9))
for i in range(2):
    try:
        continue
    finally:
        print("f", i)
else:
    print("done")
