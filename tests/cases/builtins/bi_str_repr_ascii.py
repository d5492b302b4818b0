for v in ["héllo", "tab\t", 'q"', "ℕ", 5, 2.0, None, [1, "é"]]:
    print(str(v), repr(v), ascii(v))
