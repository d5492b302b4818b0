g = 1
def f():
    global g
    del g
f()
try:
    print(g)
except NameError as e:
    print(e)
def loc():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return str(e)
print(loc())
def unbound():
    print(y)
    y = 2
try:
    unbound()
except UnboundLocalError as e:
    print(e)
def freevar():
    z = 1
    def inner():
        return z
    del z
    return inner
try:
    freevar()()
except NameError as e:
    print(e)
l = [1, 2, 3]
del l[0], l[-1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O: pass
o = O()
o.a = 1
del o.a
try:
    del o.a
except AttributeError as e:
    print(e)
try:
    del nope
except NameError as e:
    print(e)
