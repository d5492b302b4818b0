class A:
    def __add__(self, o): return "A.add"
    def __radd__(self, o): return "A.radd"
    def __lt__(self, o): return "A.lt"
    def __gt__(self, o): return "A.gt"
class B(A):
    def __add__(self, o): return "B.add"
    def __radd__(self, o): return "B.radd"
    def __lt__(self, o): return "B.lt"
    def __gt__(self, o): return "B.gt"
print(A() + B(), B() + A(), A() + A(), A() < B(), B() < A(), A() < A())
class C(A):
    pass
print(A() + C(), C() + A())
class N:
    def __eq__(self, o): return "N.eq"
print(N() == 1, 1 == N(), N() != 1, None == N())
