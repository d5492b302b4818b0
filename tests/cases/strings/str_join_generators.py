print(", ".join(str(i) for i in range(5)))
print("".join(map(str, [1, 2, 3])), "-".join(sorted({"b", "a", "c"})))
print(" ".join(w.capitalize() for w in "hello big world".split()))
print("\n".join(["a", "b"]))
print("+".join(reversed(["1", "2", "3"])))
try:
    print(", ".join(range(3)))
except TypeError as e:
    print(type(e).__name__, e)
