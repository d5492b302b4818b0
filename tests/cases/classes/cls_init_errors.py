class Box:
    def __init__(self, w, h=1):
        self.w, self.h = w, h
try:
    Box()
except TypeError as e:
    print(e)
try:
    Box(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Box(1, d=2)
except TypeError as e:
    print(e)
b = Box(2)
print(b.w, b.h)
b.area()
