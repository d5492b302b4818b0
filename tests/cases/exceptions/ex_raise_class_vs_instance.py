for exc in [ValueError, ValueError("inst"), KeyError, StopIteration]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, repr(e))
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise "string"
except TypeError as e:
    print(type(e).__name__, e)
