print()
print("a", "b", sep="")
print("a", "b", sep=None)
print("x", end="")
print("y", end="\n\n")
print(*range(5), sep=", ", end=".\n")
print(1, None, True, 2.0, "s", [1], sep="|")
print("multi\nline", "tab\tsep")
try:
    print("a", sep=5)
except TypeError as e:
    print(e)
try:
    print("a", bogus=1)
except TypeError as e:
    print(e)
big = "".join(str(i % 10) for i in range(3000))
print(len(big), big[:30], big[-10:])
for i in range(200):
    print(i, i * i, end=" ")
print()
