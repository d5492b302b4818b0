# exception classes with several built-in exception bases (CPython's
# layout rules: only bases whose instances add C fields conflict)
for bases in [(OSError, ValueError), (ValueError, OSError), (KeyError, AttributeError),
              (NameError, StopIteration), (OSError, AttributeError), (ValueError, KeyError),
              (FileNotFoundError, ValueError), (OSError, ImportError),
              (UnicodeDecodeError, ValueError), (SystemExit, KeyboardInterrupt),
              (StopIteration, Exception), (ModuleNotFoundError, ImportError)]:
    try:
        X = type('X', bases, {})
        print([b.__name__ for b in bases], 'ok', [c.__name__ for c in X.__mro__])
    except TypeError as e:
        print([b.__name__ for b in bases], 'TypeError', e)

class U(OSError, ValueError):
    pass

e = U(2, 'No such file')
print(str(e), e.errno, e.strerror, isinstance(e, ValueError), isinstance(e, OSError))
try:
    raise U('x')
except ValueError as v:
    print('caught as ValueError', v, v.errno)

class K(ValueError, KeyError):
    pass

print(str(K('k')), repr(K('k')), issubclass(K, LookupError))

class A(OSError):
    pass

class B(A, ValueError):
    pass

print([c.__name__ for c in B.__mro__])

import io
print([c.__name__ for c in io.UnsupportedOperation.__mro__])
try:
    io.StringIO('x').fileno()
except ValueError as e:
    print('ValueError', type(e).__name__, e)

class C(AttributeError, ValueError):
    pass

print(C('m'), C('m').name)
