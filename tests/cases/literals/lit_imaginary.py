z = 3j
print(z, type(z).__name__)
print(1 + 2j, 2j * 2j, (1+2j).real, (1+2j).imag)
print(1e1j, 0j, 1.5J)
print(abs(3+4j))
print((1+1j) == complex(1, 1))
