result = print("printing returns None")
print(result)
lst = [3, 1, 2]
sorted_lst = lst.sort()
print(sorted_lst, lst)
val = lst.append(4)
print(val)
val.append(5)
