print(10.0 ** 10)
try:
    print(10.0 ** 400)
except OverflowError:
    print("pow overflow")
print(10 ** 400 / 3.0)
