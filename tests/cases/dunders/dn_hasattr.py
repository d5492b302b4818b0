# hasattr() runs property getters and __getattr__ (through the prelude)
class C:
    @property
    def p(self):
        print('getter')
        return 1
    @property
    def bad(self):
        raise AttributeError('nope')
    @property
    def err(self):
        raise KeyError('k')
    def __getattr__(self, n):
        if n == 'dyn':
            return 5
        raise AttributeError(n)
c = C()
print(hasattr(c, 'p'), hasattr(c, 'bad'), hasattr(c, 'dyn'), hasattr(c, 'zz'), hasattr(c, '__class__'))
try:
    hasattr(c, 'err')
except KeyError as e:
    print('KE', e)
class D:
    x = 1
print(hasattr(D(), 'x'), hasattr(D(), 'y'), hasattr(1, 'real'), hasattr(1, 'nope'))
try:
    hasattr(c, 1)
except TypeError as e:
    print(e)
