def none_ret():
    return
def implicit():
    x = 1
def multi():
    return 1, "two", [3]
def early(n):
    if n < 0:
        return "neg"
    for i in range(n):
        if i == 3:
            return i
    return "end"
print(none_ret(), implicit(), multi(), early(-1), early(10), early(2))
a, b, c = multi()
print(a, b, c)
