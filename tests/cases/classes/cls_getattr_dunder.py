class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"no attribute {name}")
d = Dyn()
print(d.real, d.get_foo(), d.get_bar())
try:
    d.other
except AttributeError as e:
    print(e)
print(hasattr(d, "get_x"), hasattr(d, "zzz"))
