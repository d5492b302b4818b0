class Task:
    def __init__(self, name, gen):
        self.name, self.gen = name, gen
        self.result = None
        self.done = False
        self.started = False
def worker(name, n):
    total = 0
    for i in range(n):
        got = yield f"{name} step {i}"
        if got:
            total += got
    return f"{name} total={total}"
def failing():
    yield "about to fail"
    raise RuntimeError("task exploded")
def run(tasks):
    queue = list(tasks)
    tick = 0
    while queue:
        t = queue.pop(0)
        try:
            msg = t.gen.send(tick if tick % 2 else None) if t.started else next(t.gen)
            t.started = True
            print(f"[{tick:02d}] {msg}")
            queue.append(t)
        except StopIteration as s:
            t.done, t.result = True, s.value
            print(f"[{tick:02d}] {t.name} finished: {s.value}")
        except RuntimeError as e:
            t.done, t.result = True, e
            print(f"[{tick:02d}] {t.name} failed: {e}")
        tick += 1
tasks = [Task("A", worker("A", 3)), Task("B", worker("B", 2)), Task("C", failing())]
run(tasks)
print([(t.name, t.done, str(t.result)) for t in tasks])
