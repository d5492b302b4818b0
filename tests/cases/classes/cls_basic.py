class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.dist2())
q = p.moved(1, -1)
print(q.x, q.y, p.x)
p.x = 10
print(p.dist2(), type(p).__name__, isinstance(p, Point))
