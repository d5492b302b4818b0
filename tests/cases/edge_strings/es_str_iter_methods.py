words = "The quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(list(map(str.upper, words[:3])), [w[::-1] for w in words if len(w) > 4])
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1])
print(list(enumerate("abc", 1)), list(zip("abc", "de")))
print("abc".encode(), "é".encode(), "日".encode("utf-8"), b"\xc3\xa9".decode())
print(str.maketrans("ab", "xy"), "aabbc".translate(str.maketrans("ab", "xy", "c")))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print("%s" % "ü", "{:^5}".format("ü") + "|")
print("abc".index("c"), "a,b".split(",", maxsplit=1), "a b".split(sep=None))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
