events = [
    ("standup", 9 * 60, 15), ("design review", 10 * 60, 60), ("lunch", 12 * 60, 45),
    ("1:1", 10 * 60 + 30, 30), ("deploy", 15 * 60, 90), ("retro", 16 * 60, 60),
]
def fmt(m):
    return f"{m // 60:02d}:{m % 60:02d}"
events.sort(key=lambda e: e[1])
for name, start, dur in events:
    print(f"{fmt(start)}-{fmt(start + dur)} {name}")
conflicts = []
for i in range(len(events)):
    for j in range(i + 1, len(events)):
        a, b = events[i], events[j]
        if a[1] < b[1] + b[2] and b[1] < a[1] + a[2]:
            conflicts.append((a[0], b[0]))
print("conflicts:", conflicts)
busy = []
for _, s, d in events:
    if busy and s <= busy[-1][1]:
        busy[-1][1] = max(busy[-1][1], s + d)
    else:
        busy.append([s, s + d])
print("busy:", [(fmt(a), fmt(b)) for a, b in busy])
free = []
day = (9 * 60, 18 * 60)
cur = day[0]
for a, b in busy:
    if a > cur:
        free.append((fmt(cur), fmt(a)))
    cur = max(cur, b)
if cur < day[1]:
    free.append((fmt(cur), fmt(day[1])))
print("free:", free)
