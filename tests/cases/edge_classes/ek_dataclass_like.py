class Record:
    fields = ()
    def __init__(self, *args, **kw):
        if len(args) > len(self.fields):
            raise TypeError("too many args")
        vals = dict(zip(self.fields, args))
        for k, v in kw.items():
            if k not in self.fields:
                raise TypeError(f"unexpected field {k!r}")
            if k in vals:
                raise TypeError(f"duplicate field {k!r}")
            vals[k] = v
        for f in self.fields:
            setattr(self, f, vals.get(f))
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, o):
        return type(o) is type(self) and all(getattr(self, f) == getattr(o, f) for f in self.fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self.fields))
class Point(Record): fields = ("x", "y")
class Person(Record): fields = ("name", "age", "tags")
print(Point(1, 2), Point(y=3), Person("Ann", tags=["a"]), Point(1, 2) == Point(1, 2), Point(1, 2) == Person(1, 2))
for bad in [lambda: Point(1, 2, 3), lambda: Point(z=1), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(len({Point(1, 2), Point(1, 2), Point(2, 1)}))
