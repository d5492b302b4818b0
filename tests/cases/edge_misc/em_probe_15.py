x = [i for i in range(5) if i % 2 if i > 1]
print(x, [(a, b) for a in range(3) if a for b in range(a)])
