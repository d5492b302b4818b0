def f():
    pass
f.attr = 1
f.attr += 1
print(f.attr)
try:
    (5).real = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".x = 1
except AttributeError as e:
    print(type(e).__name__, e)
