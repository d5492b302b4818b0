class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, c, r): self.center, self.r = c, r
def area(s):
    match s:
        case Circle(Point(0, 0), r):
            return f"origin circle r={r}"
        case Circle(center=Point(x=x), r=r) if r > 10:
            return f"big circle at x={x}"
        case Circle(_, r):
            return f"circle {r}"
        case Point(x, y) if x == y:
            return "diagonal point"
        case Point(x=0):
            return "on y axis"
        case Point():
            return "point"
        case (a, b) | [a, b, _]:
            return f"pair-ish {a} {b}"
        case str() as s:
            return "string " + s
    return "unknown"
for s in [Circle(Point(0, 0), 3), Circle(Point(5, 1), 20), Circle(Point(1, 1), 2), Point(2, 2), Point(0, 5), Point(1, 2), (1, 2), [3, 4, 5], "x", 42]:
    print(area(s))
match {"cmd": "move", "args": [1, 2]}:
    case {"cmd": "move", "args": [int(dx), int(dy)]}:
        print("move", dx, dy)
match 42:
    case x if x > 100:
        print("big")
    case x:
        print("captured", x)
