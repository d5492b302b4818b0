total = 0
for i in range(1000):
    total += i * i - 3 * i + 7
print(total)
acc = 1
for i in range(1, 200):
    acc = (acc * 31 + i) % 1000000007
print(acc)
x = 0
for i in range(100):
    x ^= i << (i % 17)
print(x)
fib = [0, 1]
for _ in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[150])
