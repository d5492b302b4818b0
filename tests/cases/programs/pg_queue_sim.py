def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield seed >> 33

rng = lcg(42)
def rand(n):
    return next(rng) % n

queue = []
served = []
clock = 0
next_id = 1
busy_until = 0
current = None
for tick in range(60):
    if rand(10) < 4:
        queue.append({"id": next_id, "arrive": tick, "work": 1 + rand(4)})
        next_id += 1
    if current and tick >= busy_until:
        current["done"] = tick
        served.append(current)
        current = None
    if current is None and queue:
        current = queue.pop(0)
        current["start"] = tick
        busy_until = tick + current["work"]
    if tick % 10 == 0:
        print(f"t={tick:>2} queue={len(queue)} served={len(served)} busy={current is not None}")
waits = [c["start"] - c["arrive"] for c in served]
print("served", len(served), "waiting", len(queue))
print("avg wait %.2f max wait %d" % (sum(waits) / len(waits), max(waits)))
print([c["id"] for c in served][:15])
