a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(1 << 10, 1 << 70, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 1)
print(-5 & 0xff, -5 | 2, -5 ^ 3, -8 >> 1)
print((2 ** 100) >> 90, (2 ** 100 + 12345) & 0xffff)
print((-2 ** 70) >> 3, -(2 ** 70) & 255)
print(bin(a), bin(-a), hex(-255), oct(-8))
print((5).bit_length(), (0).bit_length(), (-255).bit_length(), (2**100).bit_length())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
