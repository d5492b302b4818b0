class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError", e)
class Raiser:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with Raiser():
        raise ValueError("body")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
class EnterFails:
    def __enter__(self): raise OSError("no enter")
    def __exit__(self, *a):
        print("never")
try:
    with EnterFails():
        print("never body")
except OSError as e:
    print(e)
