z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / 2, -z, z == 3 + 4j, complex(1, 2))
print(1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1j) ** 2, repr(complex(0, -0.0)))
print(complex("1+2j"), complex(2), complex(-1.5, 0), 2j, -2j, 0j, 1 + 0j == 1, type(1j).__name__)
try:
    1j < 2j
except TypeError as e:
    print(e)
try:
    (1 + 1j) // 1
except TypeError as e:
    print(e)
