class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, have {have}")
        self.sku, self.wanted, self.have = sku, wanted, have
class UnknownItem(InventoryError, KeyError):
    pass
class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price:.2f}, qty={self.qty})"
    @property
    def value(self):
        return round(self.price * self.qty, 2)
class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []
    def add(self, item):
        if item.sku in self._items:
            self._items[item.sku].qty += item.qty
        else:
            self._items[item.sku] = item
        self.log.append(("add", item.sku, item.qty))
    def remove(self, sku, n):
        try:
            item = self._items[sku]
        except KeyError:
            raise UnknownItem(sku) from None
        if item.qty < n:
            raise OutOfStock(sku, n, item.qty)
        item.qty -= n
        self.log.append(("remove", sku, n))
        return item.price * n
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: (-i.value, i.sku)))
    def __contains__(self, sku):
        return sku in self._items
    def total(self):
        return sum(i.value for i in self._items.values())
inv = Inventory()
for sku, name, price, qty in [("A1", "bolt", 0.25, 400), ("B2", "nut", 0.1, 1000), ("C3", "gear", 12.5, 8), ("A1", "bolt", 0.25, 100)]:
    inv.add(Item(sku, name, price, qty))
print(len(inv), "A1" in inv, "Z9" in inv)
for item in inv:
    print(item, item.value)
orders = [("A1", 50), ("C3", 10), ("Z9", 1), ("B2", 999), ("B2", 5)]
revenue = 0
for sku, n in orders:
    try:
        revenue += inv.remove(sku, n)
    except OutOfStock as e:
        print("out of stock:", e, e.have)
    except KeyError as e:
        print("unknown:", type(e).__name__, e, isinstance(e, InventoryError))
print(f"revenue={revenue:.2f} total={inv.total():.2f}")
print(inv.log)
