if (n := len("hello")) > 3:
    print("long", n)
data = [3, 8, 1, 9]
if (m := max(data)) > 5:
    print("max", m)
chunks = iter(["a", "b", "", "c"])
out = []
while (c := next(chunks)) != "":
    out.append(c)
print(out)
print([y for x in range(6) if (y := x * x) % 2])
print((z := 10) + z)
def f():
    if (v := 5):
        return v * 2
print(f())
