s = "hello world hello"
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("", "-"))
print(s.replace("zz", "y"), "aaa".replace("a", "aa"), "abc".replace("b", ""))
print(s.find("world"), s.find("hello", 1), s.find("x"), s.rfind("hello"), s.rfind("l"))
print(s.index("o"), s.rindex("o"), s.find("o", 5, 8), s.find(""), s.rfind(""))
print(s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"), s.count("l", 3, 10))
try:
    s.index("xyz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("q")
except ValueError as e:
    print(type(e).__name__, e)
