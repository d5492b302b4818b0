res = []
for i in range(10):
    res.append("fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else str(i))
print(res)
for n in range(1, 16):
    out = ""
    if n % 3 == 0:
        out += "Fizz"
    if n % 5 == 0:
        out += "Buzz"
    print(out or n, end=" ")
print()
