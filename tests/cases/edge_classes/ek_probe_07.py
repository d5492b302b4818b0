class H:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(H()), len(H()), not H())
