def factory(tag):
    items = []
    def add(x):
        items.append(f"{tag}:{x}")
    def dump():
        return ",".join(items)
    return {"add": add, "dump": dump}
o = factory("t")
o["add"](1); o["add"](2)
print(o["dump"]())
o2 = factory("u")
o2["add"]("z")
print(o["dump"](), o2["dump"]())
