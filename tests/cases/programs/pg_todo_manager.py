todos = []
next_id = [1]
def add(title, priority="normal", tags=()):
    t = {"id": next_id[0], "title": title, "priority": priority, "tags": list(tags), "done": False}
    next_id[0] += 1
    todos.append(t)
    return t["id"]
def complete(tid):
    for t in todos:
        if t["id"] == tid:
            if t["done"]:
                raise ValueError(f"todo {tid} already done")
            t["done"] = True
            return
    raise KeyError(tid)
def listing(show_done=False, tag=None):
    order = {"high": 0, "normal": 1, "low": 2}
    items = [t for t in todos if (show_done or not t["done"]) and (tag is None or tag in t["tags"])]
    items.sort(key=lambda t: (order[t["priority"]], t["id"]))
    return [f"[{'x' if t['done'] else ' '}] #{t['id']} {t['title']} ({t['priority']}) {' '.join('#' + g for g in t['tags'])}".rstrip() for t in items]
add("write tests", "high", ["work"])
add("buy milk", tags=["home"])
add("refactor parser", "low", ["work", "code"])
add("call mom", "high", ["home"])
complete(2)
for cmd in [lambda: complete(2), lambda: complete(99)]:
    try:
        cmd()
    except (ValueError, KeyError) as e:
        print("error:", type(e).__name__, e)
print("\n".join(listing()))
print("--")
print("\n".join(listing(show_done=True)))
print("--")
print("\n".join(listing(tag="work")))
print(sum(t["done"] for t in todos), "of", len(todos), "done")
