class Plugin:
    registry = []
    name = None
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(cls)
    def run(self, data):
        raise NotImplementedError
class Upper(Plugin):
    name = "upper"
    def run(self, data):
        return data.upper()
class Reverse(Plugin):
    name = "reverse"
    def run(self, data):
        return data[::-1]
data = "hello"
for cls in Plugin.registry:
    data = cls().run(data)
    print(cls.name, data)
