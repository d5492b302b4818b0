s = "abracadabra"
idxs = []
start = 0
while True:
    i = s.find("abra", start)
    if i == -1:
        break
    idxs.append(i)
    start = i + 1
print(idxs)
print([i for i, c in enumerate(s) if c == "a"])
print(s.replace("a", "A", 2), s.split("a"), s.split("a", 2))
print(s.upper().lower() == s, s.title(), s.center(15, "*"))
