TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "coin"): "ready",
    ("ready", "push"): "vending",
    ("vending", "done"): "idle",
    ("idle", "push"): "idle",
    ("ready", "refund"): "idle",
}
def run(events):
    state = "idle"
    credit = 0
    out = []
    for ev in events:
        key = (state, ev)
        if key not in TRANSITIONS:
            out.append(f"{state}: ignored {ev}")
            continue
        new = TRANSITIONS[key]
        if ev == "coin":
            credit += 25
        elif ev == "refund":
            out.append(f"refund {credit}")
            credit = 0
        elif ev == "push" and state == "ready":
            if credit < 50:
                out.append(f"need {50 - credit} more")
                continue
            credit -= 50
        out.append(f"{state} --{ev}--> {new}")
        state = new
    return state, credit, out
final, credit, log = run(["push", "coin", "push", "coin", "push", "done", "coin", "refund", "done", "coin", "coin", "coin", "push", "done"])
print("\n".join(log))
print(final, credit)
