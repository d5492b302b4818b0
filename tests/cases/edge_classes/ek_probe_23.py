class Y: pass
Y.attr = property(lambda self: "dyn")
print(Y().attr)
