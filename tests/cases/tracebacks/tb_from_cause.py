def load():
    try:
        int('abc')
    except ValueError as e:
        raise RuntimeError('config broken') from e
load()
