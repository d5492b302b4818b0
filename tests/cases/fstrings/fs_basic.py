name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} {n+1} {n*2}")
print(F"upper F {n}")
print(f"{{literal braces}} {n}")
print(f"{'nested'} {"same quotes ok in 3.12"}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'é'!a} {'é'!r}")
print(f"{[1, 2]} {(1,)} {{}}")
print(f"")
print(f"{n}" f"{n}" "x")
