def heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[p] <= h[i]:
            break
        h[p], h[i] = h[i], h[p]
        i = p
def heap_pop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i = 0
    n = len(h)
    while True:
        l, r, m = 2 * i + 1, 2 * i + 2, i
        if l < n and h[l] < h[m]:
            m = l
        if r < n and h[r] < h[m]:
            m = r
        if m == i:
            return top
        h[i], h[m] = h[m], h[i]
        i = m
h = []
tasks = [(3, "write docs"), (1, "fix prod bug"), (4, "lunch"), (2, "code review"), (1, "answer pager"), (5, "nap")]
for t in tasks:
    heap_push(h, t)
order = []
while h:
    order.append(heap_pop(h))
print(order)
nums = [(i * 37) % 101 for i in range(50)]
h = []
for x in nums:
    heap_push(h, x)
out = [heap_pop(h) for _ in range(len(nums))]
print(out == sorted(nums), out[:10])
def k_smallest(xs, k):
    h = []
    for x in xs:
        heap_push(h, -x)
        if len(h) > k:
            heap_pop(h)
    return sorted(-x for x in h)
print(k_smallest(nums, 5))
