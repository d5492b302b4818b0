s = """line one
  line two\
 continued
\tline three"""
print(s)
print(repr(s))
r = r"raw\nstring\\"
print(r, len(r))
b = ("implicit " "concat " 'mixed'
     "multi")
print(b)
print("tab:\t|", "bell?\a".isprintable(), "nul\0end".split("\0"))
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\u00e9" == "é", "\x41\101")
print(len("\r\n"), "a\
b")
