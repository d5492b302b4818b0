class C:
    def __repr__(self): return "C"
    def __lt__(self, o): return NotImplemented
try: C() < C()
except TypeError as e: print(e)
try: sorted([C(), C()])
except TypeError as e: print(e)
