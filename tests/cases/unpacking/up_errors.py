tests = ["a, b = [1, 2, 3]", "a, b, c = [1, 2]", "a, b = 5", "a, *b, c = [1]", "(a, b), c = [1, 2], 3", "a, = []"]
def t1():
    a, b = [1, 2, 3]
def t2():
    a, b, c = [1, 2]
def t3():
    a, b = 5
def t4():
    a, *b, c = [1]
def t5():
    (a, b), c = [1, 2, 3], 3
def t6():
    a, = []
def t7():
    a, b = {"x": 1, "y": 2, "z": 3}
for t in [t1, t2, t3, t4, t5, t6, t7]:
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
