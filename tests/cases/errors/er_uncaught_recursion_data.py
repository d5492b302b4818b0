def total(n):
    return n + total(n - 1)
print(total(5))
