class J:
    x = 1
    def __init__(self): self.x = 2
    @property
    def y(self): return self.x * 10
j = J()
print(j.x, J.x, j.y, getattr(j, "y"), J.y.__class__.__name__)
