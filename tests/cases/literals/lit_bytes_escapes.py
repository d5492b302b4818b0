print(b"\x41\102\n\t\r\\\'\"")
print(list(b"\x00\x7f\x80\xff"))
print(b"\a\b\f\v")
print(repr(bytes(range(0, 256, 37))))
print(b"abc\
def")
