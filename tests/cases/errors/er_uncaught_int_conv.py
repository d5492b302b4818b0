print(int(3.7))
print(int([3]))
