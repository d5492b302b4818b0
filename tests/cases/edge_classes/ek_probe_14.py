class O:
    def __repr__(self): return "O()"
print([O()] * 2, {O(): 1} if False else "", (O(),), str([O()]), f"{[O()]}")
