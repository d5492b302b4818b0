# __exit__ after the with body raised: runs as a frame of the VM loop
class CM:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        return self
    def __exit__(self, t, e, tb):
        print('exit', t.__name__ if t else None, repr(e), tb is not None)
        return self.swallow

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool', self.v)
        return self.v

for sw in (True, False, 0, 1, '', 'y', Truth(True), Truth(False), None):
    try:
        with CM(sw):
            raise KeyError('k')
        print('swallowed', type(sw).__name__)
    except KeyError as e:
        print('propagated', repr(e))

class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError('from exit')

try:
    with Bad():
        1 / 0
except ValueError as e:
    print('VE', e, type(e.__context__).__name__)

class CallObj:
    def __call__(self, t, e, tb):
        print('callable __exit__', t.__name__)
        return True

class CM2:
    def __enter__(self):
        return 1
    __exit__ = CallObj()

with CM2() as x:
    raise IndexError
print('after', x)

class Gen:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        yield 1

with Gen():
    raise IndexError
print('a generator object is truthy')

class Arity:
    def __enter__(self):
        return 1
    def __exit__(self):
        pass

try:
    with Arity():
        raise IndexError
except TypeError as e:
    print('TE', type(e.__context__).__name__)

class Static:
    def __enter__(self):
        return 1
    @staticmethod
    def __exit__(t, e, tb):
        print('static', t.__name__)
        return True

with Static():
    raise OSError('x')

def loop():
    out = []
    for i in range(4):
        with CM(i % 2):
            if i == 2:
                continue
            out.append(i)
            raise KeyError(i)
        out.append('after %d' % i)
    return out

try:
    print(loop())
except KeyError as e:
    print('loop KE', e)

def nested():
    with CM(False):
        with CM(True):
            raise LookupError('inner')
        with CM(False):
            raise LookupError('outer')

try:
    nested()
except LookupError as e:
    print('nested', e)

def gen():
    with CM(True):
        yield 1
        raise KeyError('in gen')
    yield 2

print(list(gen()))
