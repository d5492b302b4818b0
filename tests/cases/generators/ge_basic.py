def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def three():
    yield 1
    yield 2
    yield 3
print(sum(three()), [x * 2 for x in three()], tuple(three()))
