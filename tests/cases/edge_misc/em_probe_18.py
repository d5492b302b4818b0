a, b = "xy"
[c, d] = (1, 2)
(e, f), g = "ab", 3
print(a, b, c, d, e, f, g)
