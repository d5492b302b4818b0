data = "ab"
print(list(data))
a, b, c = data
