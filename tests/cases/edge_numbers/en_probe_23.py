a = 10**20
b = a
b += 1
print(a, b, a is b)
