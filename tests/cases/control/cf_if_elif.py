def grade(n):
    if n >= 90:
        return "A"
    elif n >= 80:
        return "B"
    elif n >= 70:
        return "C"
    else:
        return "F"
print([grade(n) for n in [95, 85, 75, 65, 90, 80]])
x = 0
if x:
    print("truthy")
elif x == 0:
    print("zero")
if not []:
    print("empty list falsy")
if "0":
    print("non-empty string truthy")
if None:
    pass
else:
    print("None falsy")
