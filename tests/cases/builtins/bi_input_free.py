words = ["delta", "Alpha", "charlie", "bravo"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(list(enumerate(sorted(words, key=lambda w: w.lower()), 1)))
print(dict(zip(words, map(len, words))))
print(sum(map(len, words)), max(map(len, words)), min(words, key=len))
print(list(zip(*[iter(range(6))] * 2)))
