def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 10, 20, 25, 50]:
    print(n, fact(n))
print(len(str(fact(100))))
print(sum(int(c) for c in str(fact(100))))
print(fact(60) // fact(58))
