s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name", 4), s.endswith(".gz"), s.endswith((".zip", ".gz")))
print(s.startswith(("a", "b", "f")), s.endswith("tar", 0, 12), s.startswith(""), "".endswith(""))
print(s.startswith("file", 1), s.endswith(".tar", 0, -3))
try:
    s.startswith(["f"])
except TypeError as e:
    print(type(e).__name__, e)
