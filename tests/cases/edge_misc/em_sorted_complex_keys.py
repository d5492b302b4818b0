people = [
    {"name": "Zed", "age": 30, "city": "B"},
    {"name": "amy", "age": 25, "city": "A"},
    {"name": "Bob", "age": 30, "city": "A"},
    {"name": "cal", "age": 25, "city": "B"},
    {"name": "Dee", "age": 35, "city": "A"},
]
for p in sorted(people, key=lambda p: (p["city"], -p["age"], p["name"].lower())):
    print(p["city"], p["age"], p["name"])
print([p["name"] for p in sorted(people, key=lambda p: p["name"])])
print([p["name"] for p in sorted(people, key=lambda p: p["name"].lower(), reverse=True)])
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(dict(sorted(by_age.items())), max(by_age, key=lambda k: len(by_age[k])))
print(sorted([3, 1, 2], key=None), sorted([(2, "b"), (1, "z"), (2, "a")]), sorted([[], [1], [0, 5]], key=len))
print(sorted([0.1, -1, 2 ** 70, True, -2.5]), sorted("Hello World".split(), key=str.casefold))
