class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return super().speak() + " (purr)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak().upper()
for a in [Animal("generic"), Dog("rex"), Cat("tom"), Puppy("bit", 1)]:
    print(a.speak(), a.kind(), isinstance(a, Dog), isinstance(a, Animal))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), Puppy("x", 2).age)
