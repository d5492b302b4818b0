print(repr(1e16), repr(-1e-16), 1e16 == 10**16, repr(1.0e+15), str(2.5e-5))
