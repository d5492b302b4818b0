errors = []
for exc in (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, AttributeError):
    try:
        raise exc("m")
    except (LookupError, ArithmeticError) as e:
        errors.append(("LA", type(e).__name__))
    except Exception as e:
        errors.append(("E", type(e).__name__))
print(errors)
