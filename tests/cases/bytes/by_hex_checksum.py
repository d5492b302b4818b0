data = "hello world".encode()
print(data.hex(), data.hex()[:6], bytes.fromhex(data.hex()) == data)
crc = 0
for b in data:
    crc = ((crc << 5) ^ (crc >> 27) ^ b) & 0xFFFFFFFF
print(crc, f"{crc:08x}")
print(bytes(b ^ 0x20 for b in b"Hello"), bytes(reversed(b"abc")))
print(b"a,b,c".split(b","), b"-".join(bytes([c]) for c in b"xyz"))
print([b"abc"[i:i + 1] for i in range(3)], b"abc"[1], b"abc"[1:2])
