print(hash(2**61 - 1) == hash(0) if False else "x", (2**100).bit_length(), int.from_bytes(b"\xff" * 10, "big"))
