a = 1 + 2j
b = 3 - 1j
print(a + b, a - b, a * b, a / b)
print(a.real, a.imag, a.conjugate(), abs(3 + 4j))
print(complex(2), complex(1, -1), complex("1+2j"))
print(a == 1 + 2j, 1j * 1j, (1j) ** 2)
