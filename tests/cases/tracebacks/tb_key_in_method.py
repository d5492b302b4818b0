class Store:
    def __init__(self): self.d = {'a': 1}
    def get(self, k): return self.d[k]
print(Store().get('a'))
Store().get('missing')
