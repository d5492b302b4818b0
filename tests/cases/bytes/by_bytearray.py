ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), bytes(ba), ba.decode())
ba.pop()
del ba[1]
print(ba, ba[::-1], ba * 2)
ba2 = bytearray(3)
print(ba2, bytearray([1, 2, 3]), bytearray("hé", "utf-8"))
ba.insert(0, 90)
ba.reverse()
print(ba, ba.find(b"c"), ba == bytearray(b"dcAZ"))
