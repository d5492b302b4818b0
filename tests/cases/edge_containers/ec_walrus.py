data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5], y)
total = 0
print([total := total + x for x in data], total)
i = 0
while (i := i + 1) < 4:
    print("i", i)
def f():
    [z := k for k in range(3)]
    return z
print(f())
print((w := 10) + w)
