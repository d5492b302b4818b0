print(0, 1, -1, 42, 1_000_000, 0x_ff, 0xFF, 0o17, 0O777, 0b1010, 0B1111_0000)
print(123_456_789, 0xdead_beef, 0o1_2_3, 0b_1)
print(00, 0_0, -0)
print(99999999999999999999999999999999)
print(0xffffffffffffffffffffffff)
print(type(1).__name__, type(10**30).__name__)
x = 1_0
print(x * 2, x ** 2)
print(1 if 0b0 else 2)
