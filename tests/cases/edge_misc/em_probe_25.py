print("%s and %s" % ("a", "b"), "%(x)s %(x)s" % {"x": 1}, "%%" % (), "%5s" % None)
