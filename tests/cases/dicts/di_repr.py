print({}, {"a": {}}, {"k": "it's"}, {1: [1, {2: (3,)}]}, {"q": '"'})
d = {"self": None}
d["self"] = d
print(d)
print(str({"x": 1.5}), repr({(): ()}))
print(dict.fromkeys(range(3), []))
