x = "a,b"
print(x.split(",", 1, 2))
