class P:
    count = 0
    def __init__(self):
        P.count += 1
        self.id = P.count
    def __del__(self): pass
ps = [P() for _ in range(3)]
print([p.id for p in ps], P.count)
