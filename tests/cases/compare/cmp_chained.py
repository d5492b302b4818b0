x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 3)
print(0 <= x <= 5, 5 >= x > 4, 1 != 2 != 1, 3 > 2 == 2)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(3))
print(calls)
print(v(5) < v(3) < v(9), calls)
