class Secret:
    def __init__(self):
        self.__hidden = 42
        self._internal = 1
    def reveal(self):
        return self.__hidden
s = Secret()
print(s.reveal(), s._internal, s._Secret__hidden)
try:
    s.__hidden
except AttributeError as e:
    print(type(e).__name__, e)
