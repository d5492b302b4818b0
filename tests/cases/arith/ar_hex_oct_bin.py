for n in [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 2 ** 70]:
    print(n, hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "#010x"), format(-255, "#x"), format(5, "08b"))
