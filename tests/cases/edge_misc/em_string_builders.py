parts = []
for i in range(10):
    parts.append(f"{i}:{chr(97 + i)}")
print(",".join(parts))
s = ""
for i in range(50):
    s += str(i % 7)
print(s, len(s))
table = "\n".join(" ".join(f"{i * j:3}" for j in range(1, 7)) for i in range(1, 7))
print(table)
print("=" * 20 + "\n" + "title".center(20) + "\n" + "=" * 20)
words = "the cat sat on the mat".split()
print(" ".join(w.capitalize() for w in words), "_".join(words).upper(), "".join(w[0] for w in words))
