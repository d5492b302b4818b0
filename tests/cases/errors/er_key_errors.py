d = {"a": 1}
for k in ["b", 1, (1, 2), None, "", 2.5]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), str(e))
try:
    set().remove("x")
except KeyError as e:
    print(repr(e))
