s = "short"
print(s[4])
print(s[-5])
print(s[5])
