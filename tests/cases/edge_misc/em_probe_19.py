i = 0
def inc():
    global i
    i += 1
    return i
lst = [0] * 5
lst[inc()] = inc()
print(lst, i)
