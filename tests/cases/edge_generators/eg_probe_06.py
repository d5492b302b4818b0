gen = (i for i in range(3))
print(sum(gen), sum(gen), list(x for x in "abc" if x != "b"))
