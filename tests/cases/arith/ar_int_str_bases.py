def to_base(n, b):
    if n == 0:
        return "0"
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(chars[r])
    return ("-" if neg else "") + "".join(reversed(out))
for n in [0, 5, 255, -100, 2 ** 64, 123456789]:
    for b in [2, 7, 16, 36]:
        s = to_base(n, b)
        assert int(s, b) == n
        print(n, b, s)
