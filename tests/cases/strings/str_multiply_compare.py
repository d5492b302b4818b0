line = "=" * 20
print(line)
print("ab" * 3 == "ababab", "-" * 0 == "", ["x"] * 3)
words = ["pear", "Apple", "fig", "apple"]
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=len))
print(max(words), min(words), "apple" < "apple pie", "b" > "abc")
