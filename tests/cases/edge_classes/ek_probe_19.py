class T:
    def __call__(self): return "called"
class U(T): pass
print(U()(), callable(U()))
