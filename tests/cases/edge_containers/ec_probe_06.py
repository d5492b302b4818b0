print("abc".ljust(5, "é"), "%s|%r" % ("é", "é"), "é".encode("utf-8").decode(), len("é".encode()))
