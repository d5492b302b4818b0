count = 0
def inc():
    count += 1
try:
    inc()
except UnboundLocalError as e:
    print(e)
def cond(flag):
    if flag:
        value = 1
    return value
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print(e)
def later():
    print(v)
    v = 3
later()
