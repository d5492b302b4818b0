class Z:
    a = 1
    b = a + 1
    del a
print(Z.b, hasattr(Z, "a"))
