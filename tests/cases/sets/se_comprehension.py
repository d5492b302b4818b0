evens = {x for x in range(20) if x % 2 == 0}
print(evens, len(evens))
sq_mod = {x * x % 7 for x in range(50)}
print(sq_mod)
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
print({c.lower() for c in "AaBb"} == {"a", "b"})
