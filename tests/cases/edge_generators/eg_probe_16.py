class E(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
        super().__init__(a + b)
try:
    raise E(1, 2)
except E as e:
    print(e, e.args, e.a, repr(e))
