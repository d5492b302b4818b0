people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la")]
for name, age, city in sorted(people, key=lambda p: (-p[1], p[0])):
    print(f"{name:<4}{age:>3} {city}")
ages = tuple(p[1] for p in people)
print(ages, ages.count(31), ages.index(25), sum(ages) / len(ages))
by_age = {}
for p in people:
    by_age.setdefault(p[1], []).append(p[0])
print(by_age)
t = tuple(range(10))
print(t[2:8:2], t[::-3], t[-2:], t * 0, t[:1] * 3)
