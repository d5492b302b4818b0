# wrong dunder signatures: the TypeError comes from binding the call
class C:
    @property
    def p(): return 1
    def __getitem__(self): pass
    def __setitem__(self, k): pass
    def __contains__(self): pass
    def __len__(self, x): pass
    def __bool__(self, x): pass
    def __str__(self, x): pass
    def __format__(self): pass
    def __iter__(self, x): pass
for f in (lambda: C().p, lambda: C()[1], lambda: C().__setitem__(1, 2), lambda: C().__setitem__(1), lambda: 1 in C(), lambda: len(C()), lambda: not C(), lambda: f"{C()}", lambda: f"{C()!s}", lambda: iter(C()), lambda: [x for x in C()], lambda: print(C()), lambda: format(C(), 'x')):
    try: f()
    except TypeError as e: print(e)
def g():
    c = C()
    c[1] = 2
try: g()
except TypeError as e: print(e)
