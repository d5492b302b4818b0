class D:
    def __getitem__(self, k): return k * 2
    def __len__(self): return 3
print(list(D()) if False else D()[4], list(reversed(D())))
