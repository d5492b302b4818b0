s = "abcdefghij"
print(s[2:-2], s[-100:100], s[5:2], s[::3], s[::-3], s[8:2:-2], s[-1:-11:-1])
print(s[len(s):], s[:0], s[3:3], s[-3:-1], s[1::-1])
print(s[slice(2, 5)], s[slice(None, None, -1)])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
try:
    s["a"]
except TypeError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
print(s[True], s[-True])
