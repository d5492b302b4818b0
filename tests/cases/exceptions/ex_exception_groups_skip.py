errors = []
for item in ["1", "2", "x", "4", None]:
    try:
        errors.append(int(item) * 2)
    except ValueError as e:
        errors.append("VE:" + str(e))
    except TypeError as e:
        errors.append("TE:" + str(e))
print(errors)
