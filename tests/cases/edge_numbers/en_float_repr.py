vals = [0.1, 1/3, 2/3, 1e15, 1e16, 1.5e16, 123456789.123, 5e-324, 1.7976931348623157e308, 1e-7, 0.0001, 0.00001, 100.0, 1e100, 12345678901234567890.0, 0.30000000000000004, 9.999999999999999e22]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
print(float("inf"), -float("inf"), float("nan"), repr(float("-nan")))
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
print(round(1234.5678, -2), round(1234.5678, 2), round(5, -1), round(15, -1), round(25, -1), round(-25, -1))
print(round(2.5), round(3.5), type(round(2.5)), type(round(2.5, 0)), round(2.5, 0))
print((0.5).as_integer_ratio(), (2.0).is_integer(), (1.5).hex(), float.fromhex("0x1.8p1"))
print(int(3.99), int(-3.99), float(3), 3.0.__trunc__() if hasattr(3.0, "__trunc__") else 3)
