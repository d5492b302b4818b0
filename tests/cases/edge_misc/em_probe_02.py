x = 10
def f():
    print(x)
    if False:
        x = 1
try: f()
except UnboundLocalError as e: print(e)
