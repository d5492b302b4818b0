print(ord("A"), ord("a"), ord("0"), ord(" "), ord("€"), ord("😀"))
print(chr(65), chr(97), chr(48), chr(8364), repr(chr(0)), repr(chr(10)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
