s = "0123456789"
print(s[slice(2, 5)], s[slice(None, None, 3)], s[slice(-3, None)])
idx = slice(1, None, 2)
l = list(s)
print(l[idx], "".join(l[idx]))
l[idx] = ["x"] * 5
print("".join(l))
del l[idx]
print(l)
print(s[3:100], s[-100:-8], s[::-4], s[7:3:-1])
