d = {"a": 1, "b": 2}
print(f"{d['a']} {d["b"]}")
lst = [10, 20, 30]
print(f"{lst[1]} {lst[-1]} {lst[0:2]}")
print(f"{len(lst)} {sum(lst)} {max(lst)}")
print(f"{'yes' if lst else 'no'}")
print(f"{(lambda q: q * 2)(4)}")
print(f"{[i*i for i in range(4)]}")
print(f"{3 > 2} {1 < 0}")
print(f"{'a' + 'b'!r}")
print(f"{ 1 + 2 }")
s = "word"
print(f"{s.upper()} {s[::-1]} {s!r:>8}")
