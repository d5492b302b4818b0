def shout(f):
    def wrapper(*a, **k):
        return f(*a, **k).upper() + "!"
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("world"))
def trace(f):
    def wrapper(*args):
        print("call", f.__name__, args)
        r = f(*args)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
