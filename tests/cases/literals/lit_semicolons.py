a = 1; b = 2; c = a + b
print(a, b, c); print("x")
if a: print("one-line if")
for i in range(3): print(i, end=" ")
print()
while a < 3: a += 1
print(a)
def g(): return 7
print(g())
