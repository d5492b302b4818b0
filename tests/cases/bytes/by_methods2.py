b = b"  a,b,,c  "
print(b.strip().split(b","), b.split(), b.rsplit(b",", 1), b.partition(b","))
print(b"abc".center(9, b"*"), b"7".zfill(3), b"Title me".title(), b"x".ljust(3) + b"|")
print(b"hello".index(b"l"), b"hello".rfind(b"l"), b"aXbXc".split(b"X", 1))
print(b"%d-%s" % (5, b"x"), b"abc".capitalize(), b"ABC".swapcase())
print(bytes.maketrans(b"ab", b"xy"), b"aabb".translate(bytes.maketrans(b"ab", b"xy")))
