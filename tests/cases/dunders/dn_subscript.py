# __getitem__ / __setitem__ / __delitem__ / __contains__ from bytecode
class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
        return "ignored"
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        return len(self.d) if k in self.d else 0

s = Store()
s["a"] = 1
s["b"] = [1, 2]
s["a"] += 10
s["b"][0] = 99
print(s["a"], s["b"], s[1:2], s[::3], s[1:2:3])
print("a" in s, "z" in s, "a" not in s, "z" not in s)
del s["a"]
print("a" in s, sorted(s.d))
try:
    s["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    del s["missing"]
except KeyError as e:
    print("KeyError", e)

class Bad:
    def __getitem__(self):
        return 1
    def __contains__(self, x):
        raise ValueError("contains " + str(x))
try:
    Bad()[0]
except TypeError as e:
    print(e)
try:
    3 in Bad()
except ValueError as e:
    print(e)

class ReadOnly:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
r = ReadOnly()
print(r[2], list(r), 4 in r, 5 in r)
try:
    r[0] = 1
except TypeError as e:
    print(e)
try:
    del r[0]
except TypeError as e:
    print(e)

class Weird:
    def __contains__(self, x):
        return [x]          # truthiness of a non-bool result
print(1 in Weird(), 1 not in Weird())

class Sub(Store):
    pass
t = Sub()
t[(1, 2)] = "tuple key"
print(t[1, 2], (1, 2) in t)
