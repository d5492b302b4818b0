x = 2**62
print(x + x, x * 2, x * 4, -x - x - x, x << 2, (x * 4) >> 2, x * x)
