for s in ["plain", "tab\there", "nl\n", "quote'", 'dq"', "both'\"", "\\", "\x00\x01", "é", "\u2603", "\x7f\x80", "\ud7ff"]:
    print(repr(s))
print(repr("\U0001F600"), len("\U0001F600"))
print(ascii("é☃"), ascii("plain"))
