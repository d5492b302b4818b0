a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, (a is b) is True)
x = None
print(x is None, x is not None, x == None)
e = ()
print(e == (), len(e))
