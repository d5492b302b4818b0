s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print(s.split(None, 1), s.split(" ", 2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "".split(","), "".split())
print("a,b,c".rsplit(",", 1), "a b c".rsplit(None, 1), "x".rsplit("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "|".join(("1",)))
print("a\tb\nc  d".split(), "1<>2<>3".split("<>"))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
