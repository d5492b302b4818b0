inventory = {"apple": 5, "pear": 2}
changes = [("apple", -3), ("kiwi", 7), ("pear", -2), ("apple", 10)]
for item, delta in changes:
    inventory[item] = inventory.get(item, 0) + delta
    if inventory[item] == 0:
        del inventory[item]
print(inventory)
keys = list(inventory)
for k in keys:
    if inventory[k] > 5:
        inventory.pop(k)
print(inventory)
