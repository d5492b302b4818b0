total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,
]
print(items)
d = {
  "a": 1,
    "b": 2,
}
print(d)
if (total > 3 and
        len(items) == 2):
    print("yes")
x = (1
     + 2)
print(x)
def f(a,
      b):
    return a + b
print(f(1,
        2))
