people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25)]
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: -p[1]))
print(max(people), min(people))
print(max("apple", "pear", "fig", key=len), min("apple", "pear", "fig", key=len))
