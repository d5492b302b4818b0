words = [b"pear", b"Apple", b"fig", b"apple"]
print(sorted(words), max(words), min(words, key=len))
print(b"abc" == b"abc", b"abc" != "abc", b"a" < b"ab", b"" < b"\x00")
print(bytearray(b"x") == b"x", bytes(bytearray(b"q")), b"abc".upper() == b"ABC")
print(b"abc" in [b"abc"], 98 in b"abc", b"bc" in b"abc")
