calls = []
def idx():
    calls.append("idx")
    return 0
def obj():
    calls.append("obj")
    return data
data = [10]
obj()[idx()] += 5
print(data, calls)
d = {"k": [1]}
d["k"] += [2]
print(d)
