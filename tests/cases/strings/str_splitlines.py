s = "line1\nline2\r\nline3\rline4\n\nlast"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "x\n".splitlines(), "a\x0bb\x0cc\x1cd".splitlines())
print("one\ntwo\n".split("\n"))
