def work(n):
    total = 0
    x = 1
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x % 3 == 0:
            total += i
        elif x % 3 == 1:
            total -= i >> 2
        else:
            total ^= i
    return total, x

print(work(4000000))
