class E(Exception):
    def __init__(self, x):
        self.x = x
try: raise E(5)
except E as e: print(repr(e), str(e), e.args, e.x)
