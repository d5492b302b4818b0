s = "naïve café"
b = s.encode("utf-8")
print(b, len(b), b.decode("utf-8") == s)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
print(s.encode("latin-1"), "x".encode("utf-8"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "replace"), b"abc\xff".decode("utf-8", "ignore"))
