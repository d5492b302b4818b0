print([1] * -1, "x" * -5)
print(list(range(3))[-4])
