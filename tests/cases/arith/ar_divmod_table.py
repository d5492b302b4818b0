for a in [7, -7, 0, 13]:
    for b in [3, -3, 1, -1]:
        q, r = divmod(a, b)
        print(a, b, q, r, a // b == q, a % b == r, b * q + r == a)
for a in [7.5, -7.5]:
    for b in [2.0, -2.0]:
        print(a, b, divmod(a, b), a // b, a % b)
