class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
class Invalid(AppError):
    def __str__(self):
        return f"Invalid[{self.code}]: {self.args[0]}"
for exc in [NotFound("nf", 404), Invalid("bad", 400), AppError("gen")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.code, e.args)
    except AppError as e:
        print("AppError", e, repr(e), e.code)
class E2(Exception):
    pass
print(repr(E2()), str(E2()), repr(E2(1, 2)), str(E2(1, 2)), str(E2("x")), E2("a", 1).args)
print(isinstance(NotFound("x"), (KeyError, AppError)), issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
try:
    raise Invalid("zz", 1)
except Exception as e:
    print(f"{e}", f"{e!r}")
