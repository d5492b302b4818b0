s = "abc"
t = s
s += "d"
print(s, t)
s = s.upper()
print(s, t)
try:
    t[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append("x")
except AttributeError as e:
    print(type(e).__name__, e)
