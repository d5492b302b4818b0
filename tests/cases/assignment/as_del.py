x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
l = [1, 2, 3, 4]
del l[1], l[1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
a, b = 1, 2
del a, b
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
del undefined_name
