calls = []
def f(x):
    calls.append(x)
    return x
print(f(1) < f(2) < f(3), calls)
calls.clear()
print(f(3) < f(2) < f(1), calls)
calls.clear()
print(f(1) == f(1) != f(2) is not None, calls)
calls.clear()
x = 5
print(1 < x <= 5 > 2 != 3, 1 < x < 3, 0 <= x < 10, x in [5] in [[5]], not 1 < 2)
print(1 < 2 == True, (1 < 2) == True, 3 > 2 > 1 > 0 > -1, [] == [] is not None)
a = [1]
print(a is a is a, a is not a, None is None is None, 1 < 2 < 2.5 < 3)
