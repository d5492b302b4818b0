s = "abc" "def"
print(s)
t = ("one "
     "two "
     'three')
print(t)
u = "x" r"\n" "y"
print(u, len(u))
print(b"ab" b"cd")
v = f"{1+1}" "lit" f"{'z'}"
print(v)
print("a" 'b' """c""" '''d''')
