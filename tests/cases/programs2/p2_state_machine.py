class TransitionError(Exception):
    def __init__(self, state, event):
        super().__init__(f"no transition from {state!r} on {event!r}")
        self.state, self.event = state, event
class Machine:
    transitions = {}
    initial = None
    def __init__(self):
        self.state = self.initial
        self.trail = [self.state]
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise TransitionError(self.state, event)
        target = self.transitions[key]
        hook = getattr(self, f"on_{target}", None)
        self.state = target
        self.trail.append(target)
        if hook:
            hook()
        return self
class Door(Machine):
    initial = "closed"
    transitions = {("closed", "open"): "opened", ("opened", "close"): "closed", ("closed", "lock"): "locked", ("locked", "unlock"): "closed"}
    def __init__(self):
        super().__init__()
        self.locks = 0
    def on_locked(self):
        self.locks += 1
d = Door()
for ev in ["open", "close", "lock", "open", "unlock", "lock", "unlock", "open", "fly"]:
    try:
        d.fire(ev)
    except TransitionError as e:
        print("error:", e, e.event)
print(d.state, d.locks, d.trail)
def run_tokens(s):
    state, out, cur = "start", [], ""
    for ch in s + " ":
        if state == "start":
            if ch.isdigit(): state, cur = "num", ch
            elif ch.isalpha(): state, cur = "ident", ch
            elif ch in "+-*/()=": out.append(("op", ch))
        elif state == "num":
            if ch.isdigit() or ch == ".": cur += ch
            else:
                out.append(("num", float(cur) if "." in cur else int(cur))); state = "start"
                if ch in "+-*/()=": out.append(("op", ch))
        elif state == "ident":
            if ch.isalnum() or ch == "_": cur += ch
            else:
                out.append(("id", cur)); state = "start"
                if ch in "+-*/()=": out.append(("op", ch))
    return out
print(run_tokens("x1 = 3.5*(y+42)-z_9/2"))
