ops = [("add", lambda a, b: a + b), ("sub", lambda a, b: a - b), ("pow", lambda a, b: a ** b)]
for name, op in ops:
    print(name, op(2, 5))
dispatch = {k: v for k, v in ops}
print(dispatch["pow"](3, 3))
key_fns = [len, str.lower, lambda s: s[::-1]]
words = ["Bb", "a", "CCC"]
for kf in key_fns:
    print(sorted(words, key=kf))
print(max(["x", "yyy", "zz"], key=lambda s: len(s)), min([3, -7, 5], key=abs))
