class M:
    factor = 3
    def inst(self, x):
        return x * self.factor
    @classmethod
    def cls(cls, x):
        return cls.__name__ + ":" + str(x * cls.factor)
    @staticmethod
    def stat(x):
        return x + 1
class N(M):
    factor = 10
m = M()
print(m.inst(2), M.cls(2), m.cls(2), M.stat(2), m.stat(2))
print(N().inst(2), N.cls(2))
f = m.inst
print(f(5), M.inst(m, 5))
