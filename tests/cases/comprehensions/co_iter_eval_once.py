calls = []
def it():
    calls.append("it")
    return range(3)
print([x for x in it()], calls)
print([(a, b) for a in range(2) for b in it()], calls)
print(sum(1 for _ in range(1000)), len([0 for _ in range(1000)]))
