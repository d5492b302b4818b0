def g():
    yield 1
    return "done"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
def wrapper():
    r = yield from g()
    print("inner returned", r)
    yield r
print(list(wrapper()))
