n = 2 ** 1000
s = str(n)
print(len(s), s[:20], s[-20:], sum(map(int, s)))
print(int(s[::-1]) % 1000000)
m = 7 ** 77
digits = []
while m:
    digits.append(m % 10)
    m //= 10
print(len(digits), digits[:10])
print(str(-12345)[1:], int("-" + "9" * 50) + 1)
