class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key or cls.__name__.lower()] = cls
class CsvPlugin(Plugin, key="csv"): pass
class JsonPlugin(Plugin): pass
class Sub(JsonPlugin, key="sub"): pass
print(sorted(Plugin.registry), Plugin.registry["csv"].__name__)
