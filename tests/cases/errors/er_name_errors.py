try:
    print(undefined)
except NameError as e:
    print(e)
try:
    undefined_func()
except NameError as e:
    print(e)
def f():
    return helper_not_defined(1)
try:
    f()
except NameError as e:
    print(e)
try:
    lenn([1])
except NameError as e:
    print(e)
def g():
    local_var = 1
    return locl_var
try:
    g()
except NameError as e:
    print(e)
