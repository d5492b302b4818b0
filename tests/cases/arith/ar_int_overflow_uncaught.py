print(2 ** 0.5)
print(int("12" * 5))
x = float(2 ** 2000)
