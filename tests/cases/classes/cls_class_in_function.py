def make_class(prefix):
    class Tagged:
        def __init__(self, v):
            self.v = v
        def tag(self):
            return f"{prefix}-{self.v}"
    return Tagged
A = make_class("a")
B = make_class("b")
print(A(1).tag(), B(2).tag(), A.__name__, A is B)
