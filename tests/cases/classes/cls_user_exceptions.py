class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError):
    pass
def lookup(k):
    if k == "bad":
        raise Invalid("bad key", k)
    if k != "ok":
        raise NotFound(k)
    return 1
for k in ["ok", "zzz", "bad"]:
    try:
        print(lookup(k))
    except NotFound as e:
        print("NotFound:", e, e.what, e.args)
    except AppError as e:
        print(type(e).__name__, e, e.args, isinstance(e, Exception))
print(repr(NotFound("x")), str(Invalid()))
