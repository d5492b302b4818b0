lst = [1, 2, 3]
for x in lst:
    if x == 2:
        lst.remove(x)
print(lst)
print(lst[5])
