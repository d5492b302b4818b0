a = [1, 2]
b = (3, 4)
c = [*a, *b, *range(2)]
print(c)
d = {"x": 1}
e = {**d, "y": 2, **{"x": 10}}
print(e)
print((*a,), [*"hi"], {*a, *b})
first, *_ = c
print(first, _)
