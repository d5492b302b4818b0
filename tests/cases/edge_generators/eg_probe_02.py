def gen():
    for i in range(3):
        try:
            yield i
        finally:
            print("fin", i)
print([v for v in gen()])
