class_like = ["x", 'y']
print(f"{class_like!r}")
print(f"{'tab\t'!r}")
print(f"{'ü'!a}")
print(f"{42!r} {42!s} {3.0!r}")
print(f"{'a'!r:>6}")
print(f"{None!r} {True!s}")
print(f"{b'xy'!r}")
