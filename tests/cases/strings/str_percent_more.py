name, n, f = "widget", 3, 2.5
print("%-10s|%5d|%8.2f|" % (name, n, f))
print("%s %r %a" % ("é", "é", "é"))
print("%i %u" % (7, 8), "%5.1f%%" % 99.5)
print("%x" % 255, "%08.3f" % 3.14159, "%+.2e" % 12345.0)
print("%s" % (1,), "%s %s" % (None, True), "%d" % 3.99, "%d" % True)
print("%(a)s-%(b)s-%(a)s" % {"a": 1, "b": 2})
print("%-5s|" % "ab", "%5s|" % "ab", "%.1s" % "xyz")
