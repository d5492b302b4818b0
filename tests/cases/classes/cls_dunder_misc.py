class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __eq__(self, o):
        return isinstance(o, Money) and o.cents == self.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __format__(self, spec):
        return format(str(self), spec)
    def __hash__(self):
        return hash(self.cents)
items = [Money(250), Money(199), Money(1001)]
print(sum(items), sorted(items), min(items), f"[{Money(5):>8}]")
try:
    Money(1) + 1
except TypeError as e:
    print(type(e).__name__, e)
