for i in range(3):
    pass
print(i)
for k, v in [("a", 1), ("b", 2)]:
    pass
print(k, v)
x = 10
for x in []:
    pass
print(x)
total = 0
for ch in "12345":
    total = total * 10 + int(ch)
print(total)
