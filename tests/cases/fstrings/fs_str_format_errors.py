try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    "{".format()
except ValueError as e:
    print(type(e).__name__, e)
try:
    "}".format()
except ValueError as e:
    print(type(e).__name__, e)
print("ok")
