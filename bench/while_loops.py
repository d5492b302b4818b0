def collatz_max(limit):
    best = 0
    best_n = 0
    n = 1
    while n < limit:
        m = n
        steps = 0
        while m != 1:
            if m & 1:
                m = 3 * m + 1
            else:
                m >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
        n += 1
    return best_n, best

print(collatz_max(100000))
