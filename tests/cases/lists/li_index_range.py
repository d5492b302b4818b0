a = ["a", "b", "c", "b", "a"]
print(a.index("b"), a.index("b", 2), a.index("a", 1, 5))
try:
    a.index("c", 3)
except ValueError as e:
    print(type(e).__name__, e)
print(a[len(a) // 2], a[-len(a)])
