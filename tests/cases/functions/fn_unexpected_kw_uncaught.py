def f(a):
    return a
print(f(a=1))
f(b=2)
