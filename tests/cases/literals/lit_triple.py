s = """first
second
  third"""
print(s)
print(len(s.splitlines()))
t = '''it's "fine"
ok'''
print(t)
u = """\
no leading newline"""
print(repr(u))
v = """a\tb"""
print(v)
w = r"""raw\n
x"""
print(repr(w))
print("""""" == "")
print('''''' + "x")
