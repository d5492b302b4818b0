print(int("0_1") if False else 1, int("00"), int("0o0"), int("-0x_1f", 16), int("1" * 25, 2))
