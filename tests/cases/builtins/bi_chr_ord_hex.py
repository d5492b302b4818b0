print(chr(97), ord("a"), hex(255), oct(8), bin(5), hex(0), bin(-3), oct(-9))
print([ord(c) for c in "AZaz09"], "".join(chr(i) for i in range(65, 71)))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
