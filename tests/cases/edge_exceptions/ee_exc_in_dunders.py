class BadInit:
    def __init__(self):
        raise RuntimeError("init failed")
try:
    BadInit()
except RuntimeError as e:
    print(e)
class BadRepr:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    print([BadRepr()])
except ValueError as e:
    print(e)
try:
    f"{BadRepr()!r}"
except ValueError as e:
    print("fstr", e)
class BadEq:
    def __eq__(self, other):
        raise TypeError("no eq")
    __hash__ = None
try:
    BadEq() in [1, 2]
except TypeError as e:
    print(e)
try:
    [BadEq()] == [BadEq()]
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self):
        raise KeyError("hash")
try:
    {BadHash(): 1}
except KeyError as e:
    print("KeyError", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self):
        return "x"
try:
    len(StrLen())
except TypeError as e:
    print(e)
class BadBool:
    def __bool__(self):
        return 1
try:
    if BadBool(): pass
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return 5
try:
    str(BadStr())
except TypeError as e:
    print(e)
