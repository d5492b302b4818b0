class C:
    def __contains__(self, x): return x == 3
print(3 in C(), 4 not in C(), [] in [[]])
