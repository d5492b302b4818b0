def make_counter(step):
    count = 0
    def inc():
        nonlocal count
        count += step
        return count
    return inc

def make_adder(n):
    return lambda x: x + n

def compose(f, g):
    return lambda x: f(g(x))

def run(n):
    counters = [make_counter(s) for s in range(1, 6)]
    adders = [make_adder(k) for k in range(10)]
    pipeline = compose(adders[3], compose(adders[5], adders[7]))
    total = 0
    for i in range(n):
        c = counters[i % 5]
        total += c()
        total += pipeline(i) - adders[i % 10](i)
    return total

print(run(900000))
