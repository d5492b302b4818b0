total = 0
def add(n):
    global total
    for i in range(n):
        total += i
add(10)
add(5)
print(total)
names = []
for names_item in ["x", "y"]:
    names.append(names_item)
print(names, names_item)
