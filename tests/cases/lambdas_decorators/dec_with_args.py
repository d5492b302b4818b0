def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def prefix(p, sep=": "):
    def deco(f):
        def w(msg):
            return p + sep + f(msg)
        return w
    return deco
@prefix("LOG")
def log(m):
    return m
@prefix("ERR", sep=" | ")
def err(m):
    return m.upper()
print(log("started"), err("failed"))
