print(2 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bc" in "abc", "" in "abc")
print(1 in {1: "a"}, "a" in {1: "a"}, 3 in {3, 4}, 5 in range(0, 10, 5), 6 in range(0, 10, 5))
print((1, 2) in [(1, 2)], [1] in [[1]], 1.0 in [1], True in [1])
print("x" in "", b"a" in b"cat", 97 in b"a")
nested = {"k": [1, 2]}
print("k" in nested and 2 in nested["k"])
try:
    print(1 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in 5)
except TypeError as e:
    print(type(e).__name__, e)
