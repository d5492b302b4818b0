i = 0
while i < 5:
    i += 1
else:
    print("while done", i)
i = 0
while i < 5:
    if i == 3:
        break
    i += 1
else:
    print("not printed")
print("broke at", i)
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 8:
        break
    print("even", n)
