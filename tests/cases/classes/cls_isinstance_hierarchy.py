class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
shapes = [Rect(2, 3), Square(4), Circle(1), Shape()]
for s in shapes:
    try:
        print(type(s).__name__, s.area(), isinstance(s, Rect), isinstance(s, (Circle, Square)))
    except NotImplementedError as e:
        print("not implemented:", e)
print(sum(s.area() for s in shapes[:3]))
