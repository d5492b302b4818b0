class Plain:
    pass
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(str(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])
p = Plain()
p.x = 1
print(p.x, type(p).__name__, isinstance(p, object))
print(Plain.__name__, type(Plain).__name__)
