import_err = None
try:
    x = {}["k"]
except KeyError:
    pass
else:
    print("no")
finally:
    print("done")
