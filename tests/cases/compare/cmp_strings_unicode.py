print("é" > "z", "α" < "β", "A" < "a", chr(200) > chr(100))
print(sorted(["b", "a", "é", "z", "Z", "1", " "]))
print("abc" == "abc", "a" * 3 == "aaa")
print(min("hello"), max("hello"), sorted("hello"))
