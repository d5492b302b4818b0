fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
funcs = []
for j in range(3):
    def g():
        return j * 10
    funcs.append(g)
print([f() for f in funcs])
def make(k):
    return lambda: k
print([make(k)() for k in range(3)])
