data = {"a": [1, 2]}
result = data.get("b")
try:
    result.append(3)
except AttributeError as e:
    print(e)
lst = [3, 1, 2].sort()
print(lst)
try:
    lst[0]
except TypeError as e:
    print(e)
try:
    len(lst)
except TypeError as e:
    print(e)
print(data["b"])
