x = "outer"
r = [x for x in range(3)]
print(r, x)
y = 10
print([y * i for i in range(3)])
def f():
    z = 5
    return [z + i for i in range(3)], {i: z for i in range(2)}
print(f())
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
print([i for i in range(3)] and "truthy")
