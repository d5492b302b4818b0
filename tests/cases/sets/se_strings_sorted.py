words = "the quick brown fox jumps over the lazy dog the end".split()
uniq = set(words)
print(len(uniq), sorted(uniq))
vowels = set("aeiou")
print(sorted(vowels & set("quick brown")))
print(sorted(set("mississippi")), "".join(sorted(set("hello"))))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(dups)
