cases = [lambda: (5).foo, lambda: "s".bar, lambda: [].push, lambda: {}.iteritems, lambda: None.x, lambda: (1,).append, lambda: (1.5).numerator, lambda: print.x]
for c in cases:
    try:
        c()
    except AttributeError as e:
        print(e)
