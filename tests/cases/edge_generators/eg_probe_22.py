try:
    raise ValueError("x")
except ValueError as e:
    e.add_note("extra info")
    print(e.__notes__, str(e))
