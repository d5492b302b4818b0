print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"))
print(int.from_bytes(b"\xff", "big", signed=True), (-1).to_bytes(2, "big", signed=True))
print((10).bit_count(), (-10).bit_count(), (5).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag)
print(int(True), int(" -12 "), int(12.9), int("12", 8), int("-0o17", 0), int(b"42") if False else 0)
print(True + True, True * 3, -True, ~True, True / 2, True // 2, False ** 0, True & False, True | 2)
print(type(True + True).__name__, type(True & True).__name__, type(True ^ 1).__name__)
print(abs(-5), abs(True), abs(-2.5), -(-5), +True, divmod(True, 2))
print(int.__name__, (3).__add__(4), (3).__radd__(4), (3).__sub__(1), (3).__truediv__(2))
print(isinstance(True, int), issubclass(bool, int), bool(0.0), bool(-0.0), bool(0j), bool(" "))
try:
    int("10", 1)
except ValueError as e:
    print(e)
try:
    int(1.5, 10)
except TypeError as e:
    print(e)
