print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("a.b.c".partition("."), "".partition("x"))
line = "Content-Type: text/html"
k, sep, v = line.partition(": ")
print(k, "|", sep, "|", v)
