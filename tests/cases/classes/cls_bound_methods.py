class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}"
g = Greeter("Hi")
h = Greeter("Yo")
fns = [g.greet, h.greet]
print([f("x") for f in fns])
print(list(map(g.greet, ["a", "b"])))
m = g.greet
g.greeting = "Hello"
print(m("z"))
print(Greeter.greet(h, "w"))
