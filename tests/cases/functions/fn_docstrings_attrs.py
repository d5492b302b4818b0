def documented(x):
    """Return x doubled."""
    return x * 2
print(documented.__doc__)
print(documented.__name__, documented(21))
def nodoc():
    return 1
print(nodoc.__doc__)
def with_defaults(a, b=2, *, c=3):
    pass
print(with_defaults.__defaults__, with_defaults.__kwdefaults__)
