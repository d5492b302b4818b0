class Player:
    count = 0
    def __init__(self, name, hp=100):
        Player.count += 1
        self.name, self.hp = name, hp
    def hit(self, other, dmg):
        other.hp = max(0, other.hp - dmg)
        return f"{self.name} hits {other.name} for {dmg} -> {other.hp}"
    @property
    def alive(self):
        return self.hp > 0
p1, p2 = Player("knight"), Player("orc", 60)
turn = 0
while p1.alive and p2.alive:
    a, b = (p1, p2) if turn % 2 == 0 else (p2, p1)
    print(a.hit(b, 15 + (turn * 7) % 11))
    turn += 1
print("winner:", p1.name if p1.alive else p2.name, "players:", Player.count)
