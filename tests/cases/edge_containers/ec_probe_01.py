print("a{}b".format(""), "{:>3}".format(""), "{0!r}".format(""), "{:^}".format("x"))
