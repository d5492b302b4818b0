data = bytes(range(10))
print(data, sum(data), max(data), [x * 2 for x in data if x % 3 == 0])
acc = bytearray()
for i in range(65, 75):
    acc.append(i)
print(acc.decode(), bytes(acc).lower())
checksum = 0
for byte in b"The quick brown fox":
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum, hex(checksum))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), b"ab" < b"b")
