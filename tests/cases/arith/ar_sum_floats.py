vals = [0.1] * 10
print(sum(vals), sum(vals) == 1.0)
print(sum([1e100, 1.0, -1e100]))
print(sum(range(101)), sum([0.5, 0.25, 0.125]))
tot = 0.0
for i in range(1, 101):
    tot += 1.0 / i
print(tot)
print(sum(x * x for x in range(10)) / 10)
