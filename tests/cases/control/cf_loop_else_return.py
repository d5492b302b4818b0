def first_neg(xs):
    for x in xs:
        if x < 0:
            return x
    else:
        return None
print(first_neg([1, -2, -3]), first_neg([1, 2]))
def count_until(n):
    i = 0
    while i < 100:
        if i == n:
            return i
        i += 1
    else:
        return "exhausted"
print(count_until(5), count_until(500))
