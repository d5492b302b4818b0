class Managed:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return et is KeyError
log = []
with Managed("a", log) as m:
    log.append("body " + m.name)
with Managed("b", log):
    raise KeyError("suppressed")
try:
    with Managed("c", log):
        raise ValueError("propagates")
except ValueError as e:
    log.append("caught " + str(e))
with Managed("x", log) as x, Managed("y", log) as y:
    log.append("both")
print("\n".join(log))
