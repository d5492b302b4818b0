try:
    print("try")
finally:
    print("finally")
    raise IndexError("from finally")
