class Record:
    fields = ()
    def __init__(self, *args, **kwargs):
        if len(args) > len(self.fields):
            raise TypeError(f"too many args for {type(self).__name__}")
        for name, val in zip(self.fields, args):
            setattr(self, name, val)
        for name, val in kwargs.items():
            if name not in self.fields:
                raise TypeError(f"unknown field {name!r}")
            setattr(self, name, val)
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f, None)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f, None) == getattr(other, f, None) for f in self.fields)
class User(Record):
    fields = ("name", "email", "age")
u = User("ann", age=30)
print(u, u == User("ann", None, 30), u == User("bob"))
for bad in [lambda: User(1, 2, 3, 4), lambda: User(nick="x")]:
    try:
        bad()
    except TypeError as e:
        print(e)
