a = [1]
a.append(a)
print(a)
d = {}
d["me"] = d
d["list"] = [d]
print(d)
