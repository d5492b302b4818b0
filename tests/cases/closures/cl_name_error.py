def f():
    return undefined_thing
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
print(len("ok"))
print(pritn)
