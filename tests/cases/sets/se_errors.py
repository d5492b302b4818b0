for f in [lambda: {1} + {2}, lambda: {[1]}, lambda: set(5), lambda: set().pop(), lambda: {1}[0], lambda: frozenset([{}])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
s = {1, 2}
s.remove(3)
