for f in [lambda: b"a" + "b", lambda: bytes([256]), lambda: bytes([-1]), lambda: b"abc"[10], lambda: b"x".decode("ascii") + 1, lambda: bytes("abc"), lambda: bytearray(b"x").__setitem__(0, 300)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
