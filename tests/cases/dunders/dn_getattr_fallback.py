# __getattr__ runs when a property getter raises AttributeError (CPython's
# slot_tp_getattr_hook), whether the getter runs as a frame or nested
class R:
    @property
    def q(self):
        raise AttributeError('q')
    @property
    def k(self):
        raise KeyError('k')
    def __getattr__(self, name):
        return 'ga-' + name

class S(R):
    @property
    def q(self):
        return 'own'

class NoGa:
    @property
    def q(self):
        raise AttributeError('no fallback')

r = R()
print(r.q, getattr(r, 'q'), hasattr(r, 'q'), getattr(r, 'q', 'd'), S().q, S().zz)
print(r.q.upper(), [r.q for _ in range(2)], f'{r.q}')
try:
    r.k
except KeyError as e:
    print('KeyError', e)
try:
    NoGa().q
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(NoGa(), 'q'), getattr(NoGa(), 'q', 'dflt'))

class Static:
    @property
    def q(self):
        raise AttributeError('q')
    @staticmethod
    def __getattr__(name):
        return 'static-' + name

try:
    print(Static().q)
except TypeError as e:
    print('TypeError', e)
