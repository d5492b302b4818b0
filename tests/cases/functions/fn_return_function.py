def multiplier(n):
    return lambda x: x * n
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), multiplier(10)(7))
def pipeline(*steps):
    def run(v):
        for s in steps:
            v = s(v)
        return v
    return run
p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello World  "))
