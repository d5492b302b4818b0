vowels = 0
for ch in "programming language":
    if ch in "aeiou":
        vowels += 1
print(vowels)
for i, ch in enumerate("abc"):
    print(i, ch)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print([c * 2 for c in "xyz"], "".join(c.upper() if i % 2 else c for i, c in enumerate("alternate")))
