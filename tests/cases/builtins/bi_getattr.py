s = "hello"
print(getattr(s, "upper")(), hasattr(s, "lower"), hasattr(s, "nope"), getattr(s, "nope", "dflt"))
def f():
    pass
setattr(f, "tag", 42)
print(f.tag, getattr(f, "tag"), hasattr(f, "tag"))
delattr(f, "tag")
print(hasattr(f, "tag"))
try:
    getattr(s, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(5, "real")
    print((5).real, getattr(1.5, "imag"))
except AttributeError as e:
    print(e)
try:
    setattr([], "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
