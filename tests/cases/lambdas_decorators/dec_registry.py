registry = {}
def register(name):
    def deco(f):
        registry[name] = f
        return f
    return deco
@register("double")
def _d(x):
    return x * 2
@register("neg")
def _n(x):
    return -x
for k in sorted(registry):
    print(k, registry[k](21))
print(_d(4))
