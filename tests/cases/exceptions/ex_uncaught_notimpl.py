def todo():
    raise NotImplementedError("feature not ready")
print("calling todo")
todo()
