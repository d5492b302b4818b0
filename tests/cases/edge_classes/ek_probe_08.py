class I:
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, I)
print(len({I(), I()}), {I(): 1}[I()], I() in {I()})
