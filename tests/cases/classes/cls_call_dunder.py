class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), list(map(add5, [1, 2, 3])), callable(add5), callable(Adder))
class Compose:
    def __init__(self, *fs):
        self.fs = fs
    def __call__(self, x):
        for f in self.fs:
            x = f(x)
        return x
print(Compose(add5, Adder(1), str)(0))
