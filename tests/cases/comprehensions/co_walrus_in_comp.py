data = [1, 4, 9, 16, 25]
print([y for x in data if (y := x % 7) > 2])
print(y)
total = 0
print([total := total + x for x in range(5)], total)
