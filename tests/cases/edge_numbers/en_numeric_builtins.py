print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([], 5), sum((1.5, 2)))
print(min(3, 1, 2), max("ab", "b"), min([[2], [1, 5]]), max([], default=None), min((5,), key=lambda v: -v))
print(abs(-7), round(7.5), round(-7.5), round(7.45, 1), pow(2, 10), pow(2.0, 3), divmod(17, 5), divmod(-17.5, 5))
print(hex(0), oct(0), bin(0), hex(2 ** 70), bin(255)[2:].zfill(12))
print(int.bit_length(1024), float(True), complex(True), bool(2), int(False))
try:
    max([])
except ValueError as e:
    print(e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    min(1)
except TypeError as e:
    print(e)
