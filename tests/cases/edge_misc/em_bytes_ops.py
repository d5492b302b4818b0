b = b"hello world"
print(b[0], b[-1], b[1:4], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), len(b))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytearray(b"ab"), b"a" * 3, b"x" + b"y")
ba = bytearray(b"abc")
ba[0] = 88
ba.append(33)
ba.extend(b"??")
print(ba, bytes(ba), ba.decode(), list(b"AB"), b"%d-%s" % (5, b"x"))
print(b.hex(), bytes.fromhex("4142 43"), b"abc" < b"abd", b"a" in b"cab", 97 in b"abc")
print(b"  x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]), b.startswith(b"he"), b.count(b"l"))
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(repr(b"\x00\n\t'\""), repr(bytearray(b"q")), b"\xe6\x97\xa5".decode("utf-8"))
