print("-".join([]), "-".join(["a"]), "".join(["a", "b"]), ", ".join(str(i) for i in range(5)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, repr("" * 100))
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "é" > "z")
print("abc" == "abc", "a" != "a", max("hello"), min("hello"), sorted("hello"))
print("abc" in "xabcx", "" in "abc", "d" not in "abc")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\x00\x7f\t\\"))
print(repr("é\u200b\U0001f600"), ascii("é\u200b\U0001f600"))
