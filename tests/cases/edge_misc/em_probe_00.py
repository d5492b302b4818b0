class A:
    def __init__(self): self.x = 1
a = A()
print(a.__dict__, vars(a), A.__dict__["__init__"].__name__)
