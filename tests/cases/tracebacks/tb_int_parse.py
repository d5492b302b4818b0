vals = '1 2 three'.split()
total = 0
for v in vals:
    total += int(v)
    print(total)
