b = b"Hello, World"
print(b[0], b[-1], b[:5], b[::-1], len(b), b.upper(), b.lower())
print(b.split(b", "), b.replace(b"World", b"There"), b.find(b"o"), b.count(b"l"))
print(b.startswith(b"He"), b.endswith(b"d"), b.strip(b"Hd"), b"  x ".strip())
print(b + b"!", b * 2, b"-".join([b"a", b"b"]), b"o" in b, 111 in b)
print(list(b[:3]), bytes([72, 105]), b.hex(), bytes.fromhex("48 69"))
print(b.decode(), str(b, "utf-8"), b.isalpha(), b"123".isdigit())
