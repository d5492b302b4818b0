x = 1abc
print(x)
