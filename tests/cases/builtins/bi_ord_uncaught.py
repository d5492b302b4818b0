print(ord("a"))
print(ord("abc"))
