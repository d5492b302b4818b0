class Registry:
    _items = {}
    @classmethod
    def register(cls, name, value):
        cls._items[name] = value
    @classmethod
    def get(cls, name):
        try:
            return cls._items[name]
        except KeyError:
            raise KeyError(f"{name} not registered") from None
Registry.register("a", 1)
Registry.register("b", 2)
print(Registry.get("a"), sorted(Registry._items))
try:
    Registry.get("zz")
except KeyError as e:
    print(e)
