e = ValueError("x")
print(e.__traceback__ is None, e.__cause__, e.__context__, e.__suppress_context__)
e.add_note("note1")
print(e.__notes__)
