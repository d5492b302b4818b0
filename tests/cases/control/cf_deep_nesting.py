out = []
for a in range(2):
    if a == 0:
        for b in range(2):
            while True:
                if b:
                    out.append(("b", a, b))
                    break
                else:
                    out.append(("nb", a, b))
                    break
    else:
        for c in "xy":
            try:
                if c == "y":
                    raise ValueError(c)
                out.append(c)
            except ValueError as e:
                out.append(("err", str(e)))
print(out)
