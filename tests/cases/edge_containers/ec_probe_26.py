def f(): return "F"
print(f"{f()}{f()!r}{f.__name__}", f"{'a' if 1 else 'b'}", f"{(1, 2)[0]}", f"{'%d' % 5}")
