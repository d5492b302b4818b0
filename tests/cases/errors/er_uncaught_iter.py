for c in 42:
    print(c)
