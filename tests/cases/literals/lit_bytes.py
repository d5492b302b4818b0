b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3])
print(b"\x00\xff\n", B"abc")
print(list(b"AZ"))
print(b"\t\\", repr(b"'"), repr(b'"'), repr(b"'\""))
print(b"" == b"", b"a" < b"b")
print(bytes(3), bytes([65, 66]))
print(type(b).__name__)
