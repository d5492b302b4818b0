class X:
    def __eq__(self, o): return True
print(X() in [1], [1].count(X()), [5, 6].index(X()), (X(),) == (2,))
