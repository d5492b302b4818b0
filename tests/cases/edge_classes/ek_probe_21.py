class W:
    def __repr__(self): return "W"
    __str__ = __repr__
print(W(), str(W()))
