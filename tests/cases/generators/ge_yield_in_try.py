def g():
    for i in range(3):
        try:
            yield i
            if i == 1:
                raise KeyError(i)
        except KeyError as e:
            yield f"handled {e}"
        else:
            yield f"ok {i}"
        finally:
            yield f"fin {i}"
print(list(g()))
