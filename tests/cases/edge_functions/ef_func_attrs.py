def documented(a, b=1):
    "The docstring."
    return a
print(documented.__name__, documented.__doc__, documented.__defaults__, documented.__qualname__)
def nodoc(): pass
print(nodoc.__doc__, nodoc(), repr(nodoc()))
documented.custom = 5
print(documented.custom)
class C:
    def meth(self): pass
print(C.meth.__name__, C.meth.__qualname__, C().meth.__name__, C().meth.__func__ is C.meth)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, outer().__name__)
def kw(a, *, b=3): pass
print(kw.__kwdefaults__, kw.__code__.co_name if hasattr(kw, "__code__") else "kw")
