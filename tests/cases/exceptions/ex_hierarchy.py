cases = [lambda: [][1], lambda: {}["k"], lambda: 1 / 0, lambda: int("x"), lambda: float(10 ** 400), lambda: undefined]
for c in cases:
    try:
        c()
    except LookupError as e:
        print("LookupError:", type(e).__name__, e)
    except ArithmeticError as e:
        print("ArithmeticError:", type(e).__name__, e)
    except Exception as e:
        print("Exception:", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception))
print(issubclass(UnicodeDecodeError, ValueError), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(IndentationError, SyntaxError), issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError))
