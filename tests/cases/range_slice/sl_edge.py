a = list(range(10))
print(a[-3:-1], a[-1:-3], a[-1:-3:-1], a[3:-3], a[:-20], a[20:])
print(a[1:9:3], a[9:1:-3], a[::11], a[::-11], a[-11::], a[:-11:-1])
s = "hello"
for start in (None, 0, 2, -2, 10):
    for stop in (None, 3, -1):
        print(start, stop, repr(s[start:stop]), repr(s[start:stop:-1]))
