tests = ["123", "12.3", "abc", "abc123", "", " ", "ABC", "Ab", "½", "²", "\t\n", "hello world", "_x", "x1", "1x", "Ⅳ"]
for t in tests:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isidentifier(), t.isprintable(), t.isascii())
