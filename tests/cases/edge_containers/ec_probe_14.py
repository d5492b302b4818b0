try: dict([("a", 1, 2)])
except ValueError as e: print(e)
try: dict([1])
except TypeError as e: print(e)
