tests = [
    lambda: format("x", "d"),
    lambda: format(1.5, "d"),
    lambda: format(1, "s"),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "%d" % "x",
    lambda: "%s %s" % (1,),
    lambda: "%s" % (1, 2),
    lambda: "{:,d}".format("x"),
    lambda: "{a}".format(b=1),
    lambda: format(3, ".2d"),
    lambda: "%z" % 1,
]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
