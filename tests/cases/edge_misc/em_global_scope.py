a = 1
def show():
    return a
a = 2
print(show())
def assign_global():
    global b
    b = "made"
assign_global()
print(b)
def reads_builtin():
    return len("abc")
len = lambda x: 99
print(reads_builtin())
del len
print(reads_builtin())
print = print
print("shadowed print works")
x = [1]
def mutate():
    x.append(2)
mutate()
print(x)
if True:
    inner_block = "visible"
print(inner_block)
for loop_var in range(3):
    pass
print(loop_var)
