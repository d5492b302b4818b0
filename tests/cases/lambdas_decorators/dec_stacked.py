def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "hi"
print(text())
@italic
@bold
def text2():
    return "yo"
print(text2())
order = []
def mark(tag):
    order.append("make " + tag)
    def d(f):
        order.append("apply " + tag)
        return f
    return d
@mark("outer")
@mark("inner")
def g():
    pass
print(order)
