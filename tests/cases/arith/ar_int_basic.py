a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(7 // 7, 0 // 5, 0 % 5, 1 % 1)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(10 / 4, 10 / 5, -9 / 3, 1 / 8)
print(abs(-5), abs(5), abs(0), -(-3), +4)
