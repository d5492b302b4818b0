def echo():
    r = None
    while True:
        try:
            r = yield r
        except GeneratorExit:
            print("closing")
            raise
e = echo(); next(e)
print(e.send(1), e.send("x"))
e.close()
