a = "x" * 3
print(a, a == "xxx", "xxx" + "" == a, a.__len__(), "ab".__add__("c"), "ab".__mul__(2))
print("ab".__contains__("a"), "ab".__getitem__(1), "a".__lt__("b"), "a".__eq__(1))
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    "a" < 1
except TypeError as e:
    print(e)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
try:
    "a" - "b"
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
print("a" * True, ["x"] * False)
