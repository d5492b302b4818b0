for b in [b"", b"'", b'"', b"'\"", b"\x00\x01\x7f\x80\xff", b"\\", b"\t\n\r", bytes(range(30, 40))]:
    print(repr(b), len(b))
print(bytearray(b"q'"), repr(bytearray()))
