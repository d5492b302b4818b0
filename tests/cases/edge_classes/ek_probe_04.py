class E:
    def __iter__(self): yield from (1, 2, 3)
print(4 in E(), 2 in E(), list(E()), sorted(E(), reverse=True), max(E()), dict.fromkeys(E()))
