class L:
    @staticmethod
    def s(): return "s"
    @classmethod
    def c(cls): return cls.__name__
class LL(L): pass
print(L.s(), L().s(), LL.c(), LL().c(), L.c.__self__ is L if hasattr(L.c, "__self__") else "")
