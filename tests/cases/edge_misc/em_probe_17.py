print(*"abc", sep="\n")
