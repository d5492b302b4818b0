e = ValueError("msg", 42)
print(e.args, str(e), repr(e))
e.args = ("new",)
print(e, e.args)
e.extra = 5
print(e.extra)
k = KeyError("key")
print(str(k), repr(k), str(KeyError()), str(KeyError(1, 2)))
print(str(StopIteration(5)), StopIteration(5).value, StopIteration().value)
try:
    {}["missing"]
except KeyError as ke:
    print(ke, ke.args)
try:
    [][3]
except IndexError as ie:
    print(ie)
try:
    int("x")
except ValueError as ve:
    print(ve)
try:
    None.foo
except AttributeError as ae:
    print(ae)
try:
    undefined_name
except NameError as ne:
    print(ne)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(Exception.__name__, ArithmeticError.__base__.__name__)
