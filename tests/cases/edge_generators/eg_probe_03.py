def outer():
    try:
        yield from inner()
    except KeyError as e:
        yield f"outer caught {e}"
def inner():
    yield 1
    raise KeyError("from inner")
print(list(outer()))
