d = {"b": 1, "a": 2, "é": 3}
print(d, sorted(d), list(d.items()))
print({"x": "y'z"}, ["a\nb"], ("q",), {"k": ('"',)})
print(str(["é"]), repr(["\x01"]), ["\U0001F600"])
print(sorted(["b", "B", "a", "A", "_", "1"]))
print(sorted({"pear", "apple", "fig"}))
print("-".join(sorted({"c", "a", "b"})))
