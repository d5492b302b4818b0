class K:
    def method(self): return self
k = K()
m = k.method
print(m() is k, m.__self__ is k, K.method(k) is k, m == k.method, m.__name__)
