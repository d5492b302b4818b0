class Shape:
    count = 0
    registry = []
    def __init__(self, name):
        self.name = name
        Shape.count += 1
        type(self).registry.append(name)
    @classmethod
    def make(cls, *args): return cls(*args)
    @staticmethod
    def helper(x): return x * 2
    def __repr__(self): return f"{type(self).__name__}({self.name!r})"
class Circle(Shape):
    registry = []
c = Circle.make("c1")
s = Shape.make("s1")
print(c, s, Shape.count, Circle.count, Shape.registry, Circle.registry)
print(Shape.helper(4), c.helper(5), Circle.make.__name__, type(c).make("c2"))
c.count = 100
print(c.count, Shape.count, Circle.count)
print(isinstance(c, Shape), isinstance(c, (int, Circle)), issubclass(Circle, (str, Shape)), isinstance(Shape, type))
print(Circle.__name__, Circle.__bases__[0].__name__, [k.__name__ for k in Circle.__mro__])
