print(f"{'a':>{3}}", f"{3.14159:{'.'}{2}f}" if False else "", f"{[x for x in range(3)]}", f"{ {'k': 1}['k'] + 1 }")
