s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3])
print(s[8:2:-2], s[-1:-5:-1], s[100:], s[-100:3], s[5:2], s[2:5:-1], s[::-3])
print(s[len(s) - 1], s[0:0], s[3:3] == "")
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
