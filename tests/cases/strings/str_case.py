s = "hello World of PYTHON 3x"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("they're bill's".title(), "ßtraße".upper(), "ǅ".lower())
print("ABC".isupper(), "abc".islower(), "Abc Def".istitle(), "aBC".isupper(), "123".isupper())
print("hello".capitalize(), "HELLO".capitalize(), "".capitalize(), "1abc".title())
